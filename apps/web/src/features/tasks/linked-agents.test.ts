import { describe, expect, it } from 'vitest';
import { addLinkedAgent, linkedAgentName, removeLinkedAgent, sameLinkedAgents } from './linked-agents';

const peeters = { id: 'a', identifier: 'A002', firstName: 'Jan', lastName: 'Peeters' };
const amrani = { id: 'b', identifier: 'A001', firstName: 'Fatima', lastName: 'El Amrani' };
const test = { id: 'c', identifier: 'TEST', firstName: 'Test', lastName: 'Agent' };

describe('the linked agents', () => {
  it('adds an agent once, in name order', () => {
    const list = addLinkedAgent(addLinkedAgent([peeters], amrani), test);
    expect(list.map((agent) => agent.identifier)).toEqual(['TEST', 'A001', 'A002']);
    expect(addLinkedAgent(list, amrani)).toEqual(list);
    expect(removeLinkedAgent(list, 'b').map((agent) => agent.id)).toEqual(['c', 'a']);
  });

  it('tells whether there is something to save, whatever the order', () => {
    expect(sameLinkedAgents([peeters, amrani], [amrani, peeters])).toBe(true);
    expect(sameLinkedAgents([peeters], [amrani])).toBe(false);
    expect(sameLinkedAgents([peeters], [peeters, amrani])).toBe(false);
    expect(linkedAgentName(peeters)).toBe('Peeters Jan (A002)');
  });
});
