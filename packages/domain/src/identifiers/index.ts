// Belgian identifiers ciao validates: the worker's NISS, the company's enterprise and ONSS
// employer numbers, the art. 30bis work declaration number of a worksite; and the agent app's
// IDENTIFIER@COMPANY login.
export type { IdentifierResult } from './result.js';
export {
  formatNiss,
  isValidNiss,
  maskNiss,
  nissErrorCodes,
  parseNiss,
  type NissBirthDate,
  type NissErrorCode,
  type NissInfo,
} from './niss.js';
export {
  enterpriseNumberErrorCodes,
  formatEnterpriseNumber,
  isValidEnterpriseNumber,
  parseEnterpriseNumber,
  type EnterpriseNumberErrorCode,
} from './enterprise-number.js';
export {
  formatOnssEmployerNumber,
  isValidOnssEmployerNumber,
  onssEmployerNumberErrorCodes,
  parseOnssEmployerNumber,
  type OnssEmployerNumber,
  type OnssEmployerNumberErrorCode,
} from './onss-employer-number.js';
export {
  isValidWorkDeclarationNumber,
  parseWorkDeclarationNumber,
  workDeclarationNumberErrorCodes,
  type WorkDeclarationNumberErrorCode,
} from './work-declaration-number.js';
export {
  mobileLoginErrorCodes,
  mobileLoginExample,
  parseMobileLogin,
  type MobileLogin,
  type MobileLoginErrorCode,
} from './mobile-login.js';
export { timeOrderedUuid } from './time-ordered-uuid.js';
