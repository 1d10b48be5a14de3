// Types for gen-registry.mjs, so test/docs/generated.test.ts can render the registry the same way `npm run gen` does.
export declare function renderRegistry(): string;
