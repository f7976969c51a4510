/**
 * The OAuth scope of the API. Every signed-in route requires it, in AWS and locally: Cognito puts
 * it into access tokens only, so an ID token (or any other token of the pool) is refused.
 */
export const API_RESOURCE_SERVER = 'giao-ban';
export const API_SCOPE_NAME = 'api';
/** As it appears in a token's space-separated `scope` claim. */
export const API_SCOPE = `${API_RESOURCE_SERVER}/${API_SCOPE_NAME}`;
