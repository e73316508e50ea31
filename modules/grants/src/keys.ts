/** The module's name. */
export const GRANTS = 'grants'

/** Roles that may open calls (members hold `member`; funders' clerks get `grants:funder`). */
export const FUNDER_ROLES = ['member', 'grants:funder'] as const

export const callKey = (call: string) => `calls/${call}`
export const applicationKey = (call: string, app: string) => `applications/${call}/${app}`
export const declarationKey = (call: string, app: string, evaluator: string) =>
  `declarations/${call}/${app}/${evaluator}`
export const scoreKey = (call: string, app: string, evaluator: string) => `scores/${call}/${app}/${evaluator}`
export const awardKey = (id: string) => `awards/${id}`
/** Awards by beneficiary organisation and by project, for double-funding checks across funders. */
export const orgAwardKey = (org: string, award: string) => `byOrganisation/${org}/${award}`
export const projectAwardKey = (project: string, award: string) => `byProject/${project}/${award}`
