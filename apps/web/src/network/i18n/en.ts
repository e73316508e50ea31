/**
 * English messages of the network feature that the first load needs (the
 * portal nav and the overview's link); the page's own text is in pageEn.ts,
 * loaded with the page.
 */
export const networkEn = {
  'nav.network': 'Network health',
  'home.link': 'Members’ nodes and who cosigned each checkpoint',
} as const
