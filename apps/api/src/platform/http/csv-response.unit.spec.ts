import { toCsv } from './csv-response';

describe('CSV responses', () => {
  it('start with a byte-order mark and a header row, end lines with CRLF, quote ; , " and line breaks, and leave nothing empty', () => {
    const csv = toCsv(['label', 'count', 'share'], [
      { label: 'Avis; "Vejle Amts", lokal', count: 3, share: 12.5 },
      { label: 'Høstmarked på Ærø\nanden linje', count: 0, share: null },
    ]);
    expect(csv).toBe('\uFEFFlabel,count,share\r\n"Avis; ""Vejle Amts"", lokal",3,12.5\r\n"Høstmarked på Ærø\nanden linje",0,\r\n');
  });

  it('write only the declared columns, in their order', () => {
    expect(toCsv(['b', 'a'], [{ a: 1, b: 2, c: 3 }])).toBe('\uFEFFb,a\r\n2,1\r\n');
  });
});
