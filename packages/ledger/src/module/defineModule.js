/**
 * Declares a module; the identity function, there for typing.
 *
 * @example
 * export const notary = defineModule({ name: 'notary', actions: { stamp }, queries: { byHash } })
 */
export function defineModule(module) {
    return module;
}
/** Declares an action with its argument type inferred from the schema. */
export function defineAction(action) {
    return action;
}
/** Declares a query with its parameter type inferred from the schema. */
export function defineQuery(query) {
    return query;
}
//# sourceMappingURL=defineModule.js.map