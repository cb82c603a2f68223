/**
 * English texts of the server's reasons (match criteria, failed hard filters, worklist notes); the
 * problem codes' texts are in problems.en.ts. Keys follow the codes: `care-type.not-offered` is
 * reasons.exclusion → 'care-type' → 'not-offered'. A unit test checks every code of the contract
 * has a text in every language.
 */
export const enReasons = {
  reasons: {
    none: 'none',
    theOwner: 'the owner',
    freeNote: ' (free: {{free}})',
    freeIn: '{{places}} in {{period}}',
    freeFrom: '{{places}} from {{from}}',
    noFreeMonth: 'no free month',
    norOn: ' nor on {{patterns}}',
    match: {
      competences: { 'none-wished': 'No wished competences', wished: '{{found}} of {{wished}} wished competences: {{present}}' },
      region: {
        same: 'Same region ({{region}})',
        neighbouring: 'Neighbouring region ({{region}}; the child is in {{childRegion}})',
        distant: 'Distant region ({{region}}; the child is in {{childRegion}})',
      },
      language: { 'none-named': 'No language of the child named', speaks: 'Speaks the child’s {{languages}}', 'speaks-none': 'Speaks none of the child’s languages ({{childLanguages}})' },
      experience: { new: 'Newly approved (under a year)', '1-3-years': 'Approved for 1–3 years', 'over-3-years': 'Approved for over 3 years' },
      siblings: {
        none: 'No siblings to place together',
        experienced: 'Experienced with siblings; room for all {{children}} children',
        'no-experience': 'Room for all {{children}} children, but no sibling experience',
      },
      period: { 'free-throughout': '{{places}} place(s) needed and free in every month of {{period}}{{freeNote}}' },
      network: { named: 'From the child’s own network: ranked first', registered: 'Registered from the child’s network ({{relation}}) for this request: ranked first' },
    },
    exclusion: {
      'care-type': { 'not-offered': 'Offers {{offered}}, not {{needed}}' },
      capacity: { 'too-few': '{{free}} free place(s), {{needed}} needed', 'not-throughout': 'Not {{places}} free place(s) in every month of {{period}}; free: {{free}}' },
      age: { 'outside-range': 'Approved for ages {{min}}–{{max}}; the child is {{childAge}}' },
      approval: { 'ends-before-start': 'Approval valid until {{validUntil}}; the placement starts {{starts}}' },
      'required-competences': { missing: 'Lacks the required {{missing}}' },
      availability: { 'not-in-period': 'Not available from {{fromWeek}} to {{toWeek}}{{norOn}}' },
      network: { 'other-request': 'A network family of another request only' },
      placeable: { 'not-placeable': 'Not placeable now: {{cause}}' },
    },
    causes: {
      'not-available': 'not available',
      'no-consent': 'no consent to share',
      'no-valid-approval': 'no valid approval',
      'no-availability': 'no availability recorded',
      'stale-availability': 'availability not confirmed recently',
      'network-family': 'a network family',
      'not-network': 'not a network family',
    },
    worklist: {
      'first-contact': { make: 'Make the first contact with the lead registered on {{registeredOn}}' },
      'check-assessment': { assess: 'Assess the remarks of the background checks ({{checks}}); approval waits for it' },
      'approval-expiring': { renew: 'Renew the approval (valid until {{validUntil}}) or let it run out' },
      'availability-stale': {
        confirm: 'Ask the family to confirm its availability (confirmed on {{confirmedOn}}) before it goes stale',
        stale: 'Availability confirmed on {{confirmedOn}} is stale: the family is out of partners’ pools until it is confirmed',
      },
      'inbox-request': { answer: 'Offer a family to {{requester}} or answer “no match” by {{responseDeadline}}' },
      'acceptance-pending': { chase: 'The offer accepted on {{acceptedOn}} waits for {{partner}} to confirm it: chase it or cancel the acceptance' },
      'provisional-approval-due': { assess: 'Complete the full assessment and approve the network family by {{deadline}}, or its provisional approval lapses' },
      'plan-follow-up': { 'follow-up': 'Follow up the development-plan goal “{{goal}}”' },
    },
  },
};
