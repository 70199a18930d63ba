export const DIGESTS = ['immediate', 'daily', 'weekly', 'off'] as const;
export type Digest = (typeof DIGESTS)[number];
/** Without a stored choice, people get one e-mail a day at most. */
export const DEFAULT_DIGEST: Digest = 'daily';
