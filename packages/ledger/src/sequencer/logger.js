/** The default logger: one JSON line on stderr per report. */
export const consoleLogger = {
    error: (details, message) => console.error(JSON.stringify({ level: 'error', message, ...serialise(details) })),
    warn: (details, message) => console.error(JSON.stringify({ level: 'warn', message, ...serialise(details) })),
};
function serialise(details) {
    const err = details.err;
    if (!(err instanceof Error))
        return details;
    return { ...details, err: { name: err.name, message: err.message, stack: err.stack } };
}
//# sourceMappingURL=logger.js.map