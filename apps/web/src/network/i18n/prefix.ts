/** A catalogue with every key under the network namespace (imports nothing: registration has no cycle). */
export function prefixed(messages: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [`network.${k}`, v]))
}
