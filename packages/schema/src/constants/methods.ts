/** The HTTP methods an inner request may use, in upper case as they must be written. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** One of the allowed inner request methods. */
export type AllowedMethod = (typeof ALLOWED_METHODS)[number];

/** Methods whose inner requests must not carry a body. */
export const BODYLESS_METHODS: readonly AllowedMethod[] = ['GET', 'HEAD'];
