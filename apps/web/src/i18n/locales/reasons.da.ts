import type { enReasons } from './reasons.en';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type ReasonsTranslation = Shape<typeof enReasons>;

export const daReasons: ReasonsTranslation = {
  reasons: {
    none: 'ingen',
    theOwner: 'ejeren',
    freeNote: ' (ledig: {{free}})',
    freeIn: '{{places}} i {{period}}',
    freeFrom: '{{places}} fra {{from}}',
    noFreeMonth: 'ingen ledig måned',
    norOn: ' og heller ikke {{patterns}}',
    match: {
      competences: { 'none-wished': 'Ingen ønskede kompetencer', wished: '{{found}} af {{wished}} ønskede kompetencer: {{present}}' },
      region: {
        same: 'Samme region ({{region}})',
        neighbouring: 'Naboregion ({{region}}; barnet bor i {{childRegion}})',
        distant: 'Fjern region ({{region}}; barnet bor i {{childRegion}})',
      },
      language: { 'none-named': 'Barnets sprog er ikke angivet', speaks: 'Taler barnets sprog: {{languages}}', 'speaks-none': 'Taler ingen af barnets sprog ({{childLanguages}})' },
      experience: { new: 'Nygodkendt (under et år)', '1-3-years': 'Godkendt i 1–3 år', 'over-3-years': 'Godkendt i over 3 år' },
      siblings: {
        none: 'Ingen søskende, der skal anbringes sammen',
        experienced: 'Erfaring med søskende; plads til alle {{children}} børn',
        'no-experience': 'Plads til alle {{children}} børn, men ingen erfaring med søskende',
      },
      period: { 'free-throughout': '{{places}} plads(er) behøves og er ledige i alle måneder af {{period}}{{freeNote}}' },
      network: { named: 'Fra barnets eget netværk: rangeret først', registered: 'Registreret fra barnets netværk ({{relation}}) til denne forespørgsel: rangeret først' },
    },
    exclusion: {
      'care-type': { 'not-offered': 'Tilbyder {{offered}}, ikke {{needed}}' },
      capacity: { 'too-few': '{{free}} ledig(e) plads(er), {{needed}} behøves', 'not-throughout': 'Ikke {{places}} ledig(e) plads(er) i alle måneder af {{period}}; ledig: {{free}}' },
      age: { 'outside-range': 'Godkendt til alderen {{min}}–{{max}}; barnet er {{childAge}}' },
      approval: { 'ends-before-start': 'Godkendelsen gælder til {{validUntil}}; anbringelsen begynder {{starts}}' },
      'required-competences': { missing: 'Mangler de krævede kompetencer: {{missing}}' },
      availability: { 'not-in-period': 'Ikke til rådighed fra {{fromWeek}} til {{toWeek}}{{norOn}}' },
      network: { 'other-request': 'Kun netværksfamilie for en anden forespørgsel' },
      placeable: { 'not-placeable': 'Kan ikke anbringes nu: {{cause}}' },
    },
    causes: {
      'not-available': 'ikke til rådighed',
      'no-consent': 'intet samtykke til deling',
      'no-valid-approval': 'ingen gyldig godkendelse',
      'no-availability': 'ingen rådighed registreret',
      'stale-availability': 'rådigheden er ikke bekræftet for nylig',
      'network-family': 'en netværksfamilie',
      'not-network': 'ikke en netværksfamilie',
    },
    worklist: {
      'first-contact': { make: 'Tag første kontakt med emnet, der blev registreret {{registeredOn}}' },
      'check-assessment': { assess: 'Vurdér bemærkningerne i baggrundstjekkene ({{checks}}); godkendelsen venter på det' },
      'approval-expiring': { renew: 'Forny godkendelsen (gyldig til {{validUntil}}) eller lad den udløbe' },
      'availability-stale': {
        confirm: 'Bed familien bekræfte sin rådighed (bekræftet {{confirmedOn}}), før den bliver forældet',
        stale: 'Rådigheden bekræftet {{confirmedOn}} er forældet: familien er ude af partnernes puljer, indtil den bekræftes',
      },
      'inbox-request': { answer: 'Tilbyd {{requester}} en familie eller svar “intet match” senest {{responseDeadline}}' },
      'acceptance-pending': { chase: 'Tilbuddet, der blev accepteret {{acceptedOn}}, venter på at {{partner}} bekræfter det: ryk for svar eller annullér accepten' },
      'provisional-approval-due': { assess: 'Gør den fulde vurdering færdig og godkend netværksfamilien senest {{deadline}}, ellers bortfalder den foreløbige godkendelse' },
      'plan-follow-up': { 'follow-up': 'Følg op på udviklingsplanens mål “{{goal}}”' },
    },
  },
};
