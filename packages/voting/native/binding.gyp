{
  "targets": [
    {
      "target_name": "tabularium_p256",
      "sources": ["p256.c", "generic.c", "nistz256.c", "msm.c"],
      # Hidden: the files' shared names (ecp, N, parsePoint, ...) must bind
      # to each other, never to a like-named symbol the node binary exports.
      "cflags": ["-O2", "-Wall", "-Wextra", "-fvisibility=hidden"]
    }
  ]
}
