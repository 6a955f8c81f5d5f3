/**
 * Loaded first by mocha (.mocharc.json). Under c8 (npm test) this process's coverage
 * is collected; the CLI binaries and language servers the tests start would each
 * write about 9 MB of it (hundreds of processes), so they are not measured: the
 * variable that asks for it is not passed on. This process keeps collecting (Node
 * read the variable at start-up).
 */
delete process.env.NODE_V8_COVERAGE;
