import type { Genesis } from '@tabularium/protocol'
import { statusOf } from '@tabularium/protocol'
import type { ModuleDescription } from '../modules/describeModules.js'
import type { JsonSchema } from '../modules/toJsonSchema.js'
import { API_ROUTES, type ApiRoute } from './apiRoutes.js'
import { componentSchemas } from './componentSchemas.js'
import { hoistDefs } from './hoistDefs.js'

/** Options of `buildOpenApi`. */
export interface BuildOpenApiParameters {
  genesis: Genesis
  modules: ModuleDescription[]
  version?: string
  routes?: readonly ApiRoute[]
}

/**
 * The OpenAPI 3.1 document of the node: every route, its parameters, its
 * success and error responses (each error status lists its catalogue codes),
 * and the JSON Schemas of every module action's arguments and query's
 * parameters as components (`notary.stamp.args`, `notary.byHash.params`).
 *
 * @example const doc = buildOpenApi({ genesis, modules: describeModules(ledger.modules) })
 */
export function buildOpenApi({
  genesis,
  modules,
  version = '0.1.0',
  routes = API_ROUTES,
}: BuildOpenApiParameters): JsonSchema {
  const schemas = componentSchemas()
  for (const module of modules) {
    for (const action of module.actions)
      hoistDefs({ name: `${module.name}.${action.name}.args`, schema: action.args, schemas })
    for (const query of module.queries)
      hoistDefs({ name: `${module.name}.${query.name}.params`, schema: query.params, schemas })
  }
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `Tabularium node — ${genesis.network}`,
      version,
      description: `A node of the Tabularium network \`${genesis.network}\` (log origin \`${genesis.origin}\`). Errors are always \`{ "error": { "code", "message", "details"? } }\`; a route that exists with another method answers 405 METHOD_NOT_ALLOWED.`,
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: { schemas },
  }
}

function operation(route: ApiRoute): Record<string, unknown> {
  const responses: Record<string, unknown> = {}
  for (const response of route.responses) responses[String(response.status)] = successResponse(response)
  for (const [status, codes] of errorsByStatus([...route.errors, 'INTERNAL'])) {
    responses[String(status)] = {
      description: codes.join(', '),
      content: { 'application/json': { schema: errorSchema(codes) } },
    }
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    ...(route.parameters === undefined ? {} : { parameters: route.parameters }),
    ...(route.body === undefined ? {} : { requestBody: requestBody(route.body) }),
    ...(route.textBody === undefined ? {} : { requestBody: textRequestBody(route.textBody) }),
    responses,
  }
}

function successResponse(response: ApiRoute['responses'][number]): Record<string, unknown> {
  const schema: JsonSchema = response.schema === undefined ? {} : { $ref: `#/components/schemas/${response.schema}` }
  const types = (response.contentType ?? 'application/json').split('|')
  const content = Object.fromEntries(
    types.map((type) => [type, { schema: type === 'application/json' ? schema : { type: 'string' } }]),
  )
  return { description: response.description, content }
}

function requestBody(names: string[]): Record<string, unknown> {
  const refs = names.map((name) => ({ $ref: `#/components/schemas/${name}` }))
  return { required: true, content: { 'application/json': { schema: refs.length === 1 ? refs[0] : { oneOf: refs } } } }
}

function textRequestBody({ contentType, description }: { contentType: string; description: string }) {
  return { required: true, description, content: { [contentType]: { schema: { type: 'string' } } } }
}

function errorsByStatus(codes: string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>()
  for (const code of new Set(codes)) {
    const status = statusOf(code)
    groups.set(status, [...(groups.get(status) ?? []), code])
  }
  return new Map([...groups].sort(([a], [b]) => a - b))
}

function errorSchema(codes: string[]): JsonSchema {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: { allOf: [{ $ref: '#/components/schemas/Error' }, { properties: { code: { enum: codes } } }] },
    },
  }
}
