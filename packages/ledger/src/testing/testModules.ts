import { ProtocolError } from '@tabularium/protocol'
import { z } from 'zod'
import { roleKey } from '../executor/roles.js'
import { defineAction, defineModule, defineQuery, type ModuleDefinition } from '../module/defineModule.js'

/**
 * A small registry module for tests: public `set`, a role-restricted
 * `restricted`, `conflict` (writes then throws a ProtocolError), `boom`
 * (writes then throws a plain Error), and a projection of `set` events.
 */
export const registry: ModuleDefinition = defineModule({
  name: 'registry',
  actions: {
    set: defineAction({
      args: z.strictObject({ key: z.string().min(1).max(100), value: z.string().max(1000) }),
      access: { public: true },
      execute(ctx, args) {
        if (ctx.get(`item/${args.key}`) !== undefined)
          throw new ProtocolError('ALREADY_EXISTS', `item ${args.key} exists`)
        ctx.put(`item/${args.key}`, { value: args.value, by: ctx.signer, at: ctx.time })
        ctx.emit('set', { key: args.key, value: args.value })
      },
    }),
    restricted: defineAction({
      args: z.strictObject({ key: z.string() }),
      access: { roles: ['registrar'] },
      execute(ctx, args) {
        ctx.put(`restricted/${args.key}`, true)
      },
    }),
    conflict: defineAction({
      args: z.strictObject({}),
      access: { public: true },
      execute(ctx) {
        ctx.put('should-not-exist', 1)
        ctx.emit('never', {})
        throw new ProtocolError('CONFLICT', 'always conflicts')
      },
    }),
    boom: defineAction({
      args: z.strictObject({}),
      access: { public: true },
      execute(ctx) {
        ctx.put('should-not-exist', 2)
        throw new Error('secret internal detail')
      },
    }),
  },
  queries: {
    get: defineQuery({
      params: z.strictObject({ key: z.string() }),
      run: (ctx, params) => ctx.get(`item/${params.key}`) ?? null,
    }),
    projected: defineQuery({
      params: z.strictObject({}),
      run: (ctx) => ctx.db.prepare('SELECT key, value FROM registry_items ORDER BY key').all(),
    }),
  },
  projection: {
    tables: ['registry_items'],
    migrations: ['CREATE TABLE registry_items (key TEXT PRIMARY KEY, value TEXT NOT NULL, idx INTEGER NOT NULL)'],
    apply(db, event) {
      if (event.type !== 'set') return
      if (event.data.key === 'poison') throw new Error('projection failure (test)')
      db.prepare('INSERT INTO registry_items (key, value, idx) VALUES (?, ?, ?)').run(
        event.data.key as string,
        event.data.value as string,
        event.index,
      )
    },
  },
})

/**
 * A minimal governance module: seeds genesis role grants and the members'
 * `memberRoles` (as the real one does); `grant`/`revoke` need role admin.
 */
export const governance: ModuleDefinition = defineModule({
  name: 'governance',
  actions: {
    grant: defineAction({
      args: z.strictObject({ role: z.string(), did: z.string() }),
      access: { roles: ['admin'] },
      execute(ctx, args) {
        ctx.put(roleKey(args.role, args.did), true)
      },
    }),
    revoke: defineAction({
      args: z.strictObject({ role: z.string(), did: z.string() }),
      access: { roles: ['admin'] },
      execute(ctx, args) {
        ctx.delete(roleKey(args.role, args.did))
      },
    }),
  },
  queries: {},
  genesis(ctx, genesis) {
    for (const [role, dids] of Object.entries(genesis.roles)) for (const did of dids) ctx.put(roleKey(role, did), true)
    for (const member of genesis.members)
      for (const role of genesis.memberRoles) ctx.put(roleKey(role, member.did), true)
  },
})
