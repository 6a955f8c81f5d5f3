import assert from 'node:assert/strict';
import { BoundedMemo } from '../../server/src/engine/match/bounded-memo';

describe('bounded memo', () => {
  it('works a value out once per key and gives it back', () => {
    const memo = new BoundedMemo<string, number>(10);
    let made = 0;
    const make = () => ++made;
    assert.equal(memo.get('a', make), 1);
    assert.equal(memo.get('a', make), 1);
    assert.equal(memo.get('b', make), 2);
    assert.equal(made, 2);
  });

  it('never holds more than its bound: a stream of new keys starts it again empty', () => {
    const memo = new BoundedMemo<number, number>(3);
    for (let i = 0; i < 3; i++) memo.put(i, i);
    assert.equal(memo.peek(0), 0);
    memo.put(3, 3);
    assert.equal(memo.peek(0), undefined, 'the fourth key empties it first');
    assert.equal(memo.peek(3), 3);
    let made = 0;
    for (let i = 0; i < 1000; i++) memo.get(i, () => ++made);
    assert.equal(made, 1000);
    assert.ok([...Array(1000).keys()].filter((k) => memo.peek(k) !== undefined).length <= 3);
  });
});
