import type { ReasonsTranslation } from './reasons.da';

export const svReasons: ReasonsTranslation = {
  reasons: {
    none: 'inga',
    theOwner: 'ägaren',
    freeNote: ' (ledigt: {{free}})',
    freeIn: '{{places}} i {{period}}',
    freeFrom: '{{places}} från {{from}}',
    noFreeMonth: 'ingen ledig månad',
    norOn: ' och inte heller {{patterns}}',
    match: {
      competences: { 'none-wished': 'Inga önskade kompetenser', wished: '{{found}} av {{wished}} önskade kompetenser: {{present}}' },
      region: {
        same: 'Samma region ({{region}})',
        neighbouring: 'Grannregion ({{region}}; barnet bor i {{childRegion}})',
        distant: 'Avlägsen region ({{region}}; barnet bor i {{childRegion}})',
      },
      language: { 'none-named': 'Barnets språk är inte angivna', speaks: 'Talar barnets språk: {{languages}}', 'speaks-none': 'Talar inget av barnets språk ({{childLanguages}})' },
      experience: { new: 'Nyligen godkänd (under ett år)', '1-3-years': 'Godkänd i 1–3 år', 'over-3-years': 'Godkänd i över 3 år' },
      siblings: {
        none: 'Inga syskon att placera tillsammans',
        experienced: 'Erfarenhet av syskon; plats för alla {{children}} barn',
        'no-experience': 'Plats för alla {{children}} barn, men ingen erfarenhet av syskon',
      },
      period: { 'free-throughout': '{{places}} plats(er) behövs och är lediga varje månad under {{period}}{{freeNote}}' },
      network: { named: 'Från barnets eget nätverk: rangordnad först', registered: 'Registrerad från barnets nätverk ({{relation}}) för denna förfrågan: rangordnad först' },
    },
    exclusion: {
      'care-type': { 'not-offered': 'Erbjuder {{offered}}, inte {{needed}}' },
      capacity: { 'too-few': '{{free}} ledig(a) plats(er), {{needed}} behövs', 'not-throughout': 'Inte {{places}} ledig(a) plats(er) varje månad under {{period}}; ledigt: {{free}}' },
      age: { 'outside-range': 'Godkänd för åldrarna {{min}}–{{max}}; barnet är {{childAge}}' },
      approval: { 'ends-before-start': 'Godkännandet gäller till {{validUntil}}; placeringen börjar {{starts}}' },
      'required-competences': { missing: 'Saknar de krävda kompetenserna: {{missing}}' },
      availability: { 'not-in-period': 'Inte tillgänglig från {{fromWeek}} till {{toWeek}}{{norOn}}' },
      network: { 'other-request': 'Endast nätverksfamilj för en annan förfrågan' },
      placeable: { 'not-placeable': 'Kan inte placeras nu: {{cause}}' },
    },
    causes: {
      'not-available': 'inte tillgänglig',
      'no-consent': 'inget samtycke till delning',
      'no-valid-approval': 'inget giltigt godkännande',
      'no-availability': 'ingen tillgänglighet registrerad',
      'stale-availability': 'tillgängligheten är inte bekräftad nyligen',
      'network-family': 'en nätverksfamilj',
      'not-network': 'inte en nätverksfamilj',
    },
    worklist: {
      'first-contact': { make: 'Ta första kontakten med intressenten som registrerades {{registeredOn}}' },
      'check-assessment': { assess: 'Bedöm anmärkningarna i bakgrundskontrollerna ({{checks}}); godkännandet väntar på det' },
      'approval-expiring': { renew: 'Förnya godkännandet (giltigt till {{validUntil}}) eller låt det löpa ut' },
      'availability-stale': {
        confirm: 'Be familjen bekräfta sin tillgänglighet (bekräftad {{confirmedOn}}) innan den blir inaktuell',
        stale: 'Tillgängligheten bekräftad {{confirmedOn}} är inaktuell: familjen är borta från partnernas pooler tills den bekräftas',
      },
      'inbox-request': { answer: 'Erbjud {{requester}} en familj eller svara ”ingen matchning” senast {{responseDeadline}}' },
      'acceptance-pending': { chase: 'Erbjudandet som accepterades {{acceptedOn}} väntar på att {{partner}} bekräftar det: påminn eller avbryt accepten' },
      'provisional-approval-due': { assess: 'Slutför den fullständiga utredningen och godkänn nätverksfamiljen senast {{deadline}}, annars upphör det preliminära godkännandet' },
      'plan-follow-up': { 'follow-up': 'Följ upp utvecklingsplanens mål ”{{goal}}”' },
    },
  },
};
