/**
 * ONSS's validation remarks, written verbatim as ONSS sends them (its spelling, "NOT KNOW", and
 * double spaces included), with the key of their explanation in the back-office's languages.
 */
const remarkKeys: Record<string, string> = {
  'RELATED DIMONA NOT OK': 'relatedDimonaNotOk',
  'GIVEN INSS IS NOT THE FOUNDER OF THE COMPANY': 'givenInssNotFounder',
  'EMPLOYER IS NOT KNOWN AS COMPANY FOUNDER': 'employerNotFounder',
  "THE COMPANY DOESN'T EXISTS": 'companyDoesNotExist',
  'INDEPENDANT IS NOT KNOWN AS COMPANY FOUNDER': 'independentNotFounder',
  'LIMOSA ID IS NOT KNOWN': 'limosaIdNotKnown',
  'LIMOSA ID IS NOT ACTIVE AT DATE': 'limosaIdNotActive',
  'NISS-BIS IS NOT KNOWN IN LIMOSA': 'nissBisNotKnownInLimosa',
  'NISS-BIS IS NOT ACTIVE AT THIS DATE IN LIMOSA': 'nissBisNotActiveInLimosa',
  'DUC IS NOT EXISTING': 'ducNotExisting',
  'DUC IS NOT ACTIVE AT THIS DATE': 'ducNotActiveAtDate',
  'COMPANY IS NOT KNOWN AS BUILDER OR SUBCONTRACTOR IN THIS DUC': 'companyNotInDuc',
  'SITE IS NOT SUBJECT TO PRESENCE REGISTRATION': 'siteNotSubject',
  'SAME DECLARATION HAS ALREADY BEEN REGISTERED': 'sameDeclarationAlreadyRegistered',
  'NISS IS NOT KNOW IN THE NATIONAL REGISTER': 'nissNotKnownInNationalRegister',
  'EMPLOYER NOT ACTIVE': 'employerNotActive',
  'THE COMPANY ID ASSOCIATED AT A NOT ACTIVE CONTRACT': 'companyIdOnInactiveContract',
};

/** Every remark key, for the catalogue test. */
export const onssRemarkKeys = Object.values(remarkKeys);

/**
 * The key explaining an ONSS remark, or undefined for a remark ONSS added since (shown verbatim).
 * Spaces and case are not significant: `onssRemarkKey('niss is not know in the national register')`.
 */
export function onssRemarkKey(remark: string): string | undefined {
  return remarkKeys[remark.trim().replace(/\s+/g, ' ').toUpperCase()];
}
