import { screen } from '@testing-library/react';
import type { Schemas } from '@familybank/api-client';
import { renderWith } from '../../testing/render';
import { OfferCard } from './OfferCard';

const request = { requestId: 'q1', revision: 3, status: 'open' } as Schemas['RequestDetail'];
const offer = { offerId: 'o1', partner: '0265', pseudonym: 'fam-7', status: 'received' } as Schemas['ReceivedOffer'];
const named = (code: string) => (code === '0265' ? 'Roskilde (0265)' : code);

describe('an offer on the requester’s request', () => {
  it('names the partner that offered the family by its name and code', () => {
    renderWith(<OfferCard request={request} ranked={{ offer }} municipality={named} onChanged={() => undefined} />, { language: 'da' });
    expect(screen.getByRole('heading', { name: 'Familie tilbudt af Roskilde (0265)' })).toBeTruthy();
  });

  it('a partner the directory does not name shows its code', () => {
    renderWith(<OfferCard request={request} ranked={{ offer: { ...offer, partner: '0101' } }} municipality={named} onChanged={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Family offered by 0101' })).toBeTruthy();
  });
});
