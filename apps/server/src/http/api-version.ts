/**
 * The version of the API contract (`info.version` of the OpenAPI document), apart from the server's
 * release number. Its major changes only with a breaking change of a published route (removed path
 * or field, narrowed type, new required input), which the OpenAPI baseline test otherwise refuses;
 * a minor for additions is good manners.
 */
export const apiContractVersion = '1.0.0';
