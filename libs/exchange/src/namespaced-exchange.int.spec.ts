import { describeExchangeContract } from './testing';
import { InProcessExchange } from './in-process/in-process-exchange';
import { NamespacedExchange } from './namespaced-exchange';

describeExchangeContract('Namespaced in-process', {
  open: async () => new NamespacedExchange(InProcessExchange.open({ filename: ':memory:' }), 'run-42'),
});

describe('namespaced exchange', () => {
  it('keeps two namespaces of one exchange apart', async () => {
    const shared = InProcessExchange.open({ filename: ':memory:' });
    const [a, b] = [new NamespacedExchange(shared, 'a'), new NamespacedExchange(shared, 'b')];
    await a.ensureTopic('familybank.directory.v1', { compacted: false });
    await b.ensureTopic('familybank.directory.v1', { compacted: false });
    await a.publish([{ topic: 'familybank.directory.v1', key: 'k', value: 'from a' }]);
    const seen: string[] = [];
    const subscription = await b.subscribe({ groupId: 'g', topics: ['familybank.directory.v1'], from: 'beginning' }, (message) => void seen.push(`${message.topic}:${message.value}`));
    await b.publish([{ topic: 'familybank.directory.v1', key: 'k', value: 'from b' }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual(['familybank.directory.v1:from b']);
    await subscription.close();
    await shared.close();
  });
});
