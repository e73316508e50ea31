import type { ModuleDefinition } from '@tabularium/ledger'
import { type JsonSchema, toJsonSchema } from './toJsonSchema.js'

/** One module as GET /v1/modules lists it. */
export interface ModuleDescription {
  name: string
  description?: string
  actions: {
    name: string
    description?: string
    access: ModuleDefinition['actions'][string]['access']
    args: JsonSchema
  }[]
  queries: { name: string; description?: string; params: JsonSchema }[]
}

/**
 * Describes the ledger's modules: every action with who may call it and the
 * JSON Schema of its arguments, every query with the schema of its parameters.
 *
 * @example describeModules(ledger.modules)[0].actions[0] // { name: 'stamp', access: { public: true }, args: {…} }
 */
export function describeModules(modules: ReadonlyMap<string, ModuleDefinition>): ModuleDescription[] {
  return [...modules.values()].map((module) => ({
    name: module.name,
    ...described(module.description),
    actions: Object.entries(module.actions).map(([name, action]) => ({
      name,
      ...described(action.description),
      access: action.access,
      args: toJsonSchema(action.args),
    })),
    queries: Object.entries(module.queries).map(([name, query]) => ({
      name,
      ...described(query.description),
      params: toJsonSchema(query.params),
    })),
  }))
}

function described(description: string | undefined): { description?: string } {
  return description === undefined ? {} : { description }
}
