/** The version of the pack format and check semantics; packs declare `engine: ">=1 <2"`. */
export const ENGINE_VERSION = '1.0.0';
