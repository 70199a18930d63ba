/** Bump when the terms text changes; consent records keep the version a person agreed to. */
export const TERMS_VERSION = '2026-11';
