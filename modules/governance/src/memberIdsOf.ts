/**
 * Member ids for organisation names: lower-case ASCII slugs (as the genesis
 * schema requires), made unique with a numeric suffix.
 *
 * @example memberIdsOf(['Stad Leuven', 'Ville de Liège', 'Stad Leuven']) // ['stad-leuven', 'ville-de-liege', 'stad-leuven-2']
 */
export function memberIdsOf(names: readonly string[]): string[] {
  const taken = new Set<string>()
  return names.map((name, i) => {
    const base = slug(name) || `org-${i + 1}`
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 60)}-${n}`
    taken.add(id)
    return id
  })
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
}
