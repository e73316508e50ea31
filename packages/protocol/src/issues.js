/**
 * Every problem a schema found, as `{ path, message }` pairs, so that a client
 * sees all bad fields at once (CONVENTIONS #11).
 */
export function formatIssues(error) {
    return error.issues.slice(0, 50).map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
    }));
}
//# sourceMappingURL=issues.js.map