import canonicalizeModule from 'canonicalize';
import { utf8 } from './bytes.js';
import { CoreError } from './errors.js';
// `canonicalize` is CommonJS whose module.exports is the function itself; its
// typings describe an ES default export, so the default import is re-typed.
const serialize = canonicalizeModule;
/**
 * JSON Canonicalization Scheme (RFC 8785): the one serialisation that is
 * signed and hashed everywhere in Tabularium.
 *
 * @example canonicalize({ b: 1, a: [true, 'x'] }) // '{"a":[true,"x"],"b":1}'
 */
export function canonicalize(value) {
    let text;
    try {
        text = serialize(value);
    }
    catch (cause) {
        throw new CoreError('INVALID_JSON', 'value cannot be canonicalised as JSON', { cause });
    }
    if (text === undefined)
        throw new CoreError('INVALID_JSON', 'value is not JSON');
    return text;
}
/** UTF-8 bytes of the JCS form of `value`. */
export function canonicalBytes(value) {
    return utf8(canonicalize(value));
}
//# sourceMappingURL=jcs.js.map