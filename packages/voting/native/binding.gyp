{
  "targets": [
    {
      "target_name": "tabularium_p256",
      "sources": ["p256.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
