import { type PlanContent, planDocumentNumber } from './types';

export interface ParentPlanInfo {
  id: string;
  number: number | null;
  symbol: string | null;
  issuedOn: string | null;
  /** "Sở Y tế" — who issued the parent, as a reference's issuer */
  issuerOrgName: string;
}

export interface DeriverOrg {
  /** header name of the deriving organisation, e.g. "TRUNG TÂM Y TẾ ĐIỆN BIÊN PHỦ" */
  name: string;
  /** its governing body's header name, e.g. "SỞ Y TẾ ĐIỆN BIÊN" */
  parentName: string | null;
}

/**
 * The prefilled copy of a parent plan for a subordinate organisation (issue 4, item 2): the content
 * (purposes, phases, targets, criteria, award forms, duties) is copied to be edited; the header,
 * date, signer and recipients belong to the new issuer and start empty; the parent becomes the plan
 * this one implements ("Thực hiện Kế hoạch số …"), and the parent's legal bases are kept.
 */
export function deriveContent(parent: PlanContent, info: ParentPlanInfo, org: DeriverOrg): PlanContent {
  const clone = structuredClone(parent);
  return {
    ...clone,
    issuedOn: null,
    issuerName: org.name,
    parentIssuerName: org.parentName,
    signerTitle: null,
    signerName: null,
    recipients: [],
    references: [
      {
        kind: 'implements',
        number: planDocumentNumber(info.number, info.symbol),
        issuedOn: info.issuedOn,
        issuer: info.issuerOrgName,
        title: parent.title || null,
        referencedPlanId: info.id,
      },
      ...clone.references.filter((r) => r.kind === 'legal_basis'),
    ],
  };
}
