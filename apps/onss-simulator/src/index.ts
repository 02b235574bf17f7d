export { buildSimulator, type SimulatorOptions } from './simulator.js';
