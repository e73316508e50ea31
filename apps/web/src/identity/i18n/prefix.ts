/** The namespace of identity messages in the app's merged catalogue (no clash with other features). */
export const PREFIX = 'identity.'

/** A catalogue with every key under the identity namespace (imports nothing: registration has no cycle). */
export function prefixed(messages: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [`${PREFIX}${k}`, v]))
}
