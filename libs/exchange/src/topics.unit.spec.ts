import { DIRECTORY_TOPIC, isOwnTopic, municipalityTopics, parseTopic, topicOwner, topics } from './topics';

describe('topics', () => {
  it('names each municipality’s outbound topics and the shared directory as DESIGN §5 does', () => {
    expect([topics.pool('0630'), topics.requests('0630'), topics.offers('0630'), topics.disclosures('0630'), topics.directory]).toEqual([
      'familybank.0630.pool.v1',
      'familybank.0630.requests.v1',
      'familybank.0630.offers.v1',
      'familybank.0630.disclosures.v1',
      'familybank.directory.v1',
    ]);
  });

  it('refuses anything but a four-digit municipality code, so no name can escape its prefix', () => {
    expect(() => topics.pool('06301')).toThrow('four-digit');
    expect(() => topics.pool('0630.pool.v1.x')).toThrow('four-digit');
  });

  it('compacts only the pool', () => {
    expect(municipalityTopics('0101')).toEqual([
      { topic: 'familybank.0101.pool.v1', compacted: true },
      { topic: 'familybank.0101.requests.v1', compacted: false },
      { topic: 'familybank.0101.offers.v1', compacted: false },
      { topic: 'familybank.0101.disclosures.v1', compacted: false },
    ]);
  });

  it('tells whose topic a name is', () => {
    expect(parseTopic('familybank.0630.offers.v1')).toEqual({ kind: 'offers', municipality: '0630' });
    expect(parseTopic(DIRECTORY_TOPIC)).toEqual({ kind: 'directory' });
    expect(parseTopic('familybank.0630.pool.v2')).toBeUndefined();
    expect(topicOwner('familybank.0630.pool.v1')).toBe('0630');
    expect(topicOwner(DIRECTORY_TOPIC)).toBeUndefined();
    expect(isOwnTopic('familybank.0630.pool.v1', '0630')).toBe(true);
    expect(isOwnTopic('familybank.0630.pool.v1', '0101')).toBe(false);
    expect(isOwnTopic(DIRECTORY_TOPIC, '0630')).toBe(false);
    expect(isOwnTopic('familybank.0630.pool.v1.evil', '0630')).toBe(false);
  });
});
