// One circuit per ONSS endpoint: when ONSS keeps failing (network, timeouts, 5xx, 429), stop
// calling it for a cool-down instead of hammering it, then let one probe call through (half-open):
// its success closes the circuit, its failure opens it again.

export interface CircuitOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  coolDownMs: number;
}

interface Circuit {
  failures: number;
  openUntil: number | null;
  probing: boolean;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreakers {
  private readonly circuits = new Map<string, Circuit>();
  constructor(private readonly options: CircuitOptions) {}

  private circuit(key: string): Circuit {
    let circuit = this.circuits.get(key);
    if (!circuit) {
      circuit = { failures: 0, openUntil: null, probing: false };
      this.circuits.set(key, circuit);
    }
    return circuit;
  }

  state(key: string, now: number): CircuitState {
    const circuit = this.circuit(key);
    if (circuit.openUntil === null) return 'closed';
    return now < circuit.openUntil ? 'open' : 'half-open';
  }

  /** Whether a call may go now; in half-open, only one probe at a time. */
  tryAcquire(key: string, now: number): boolean {
    const circuit = this.circuit(key);
    if (circuit.openUntil === null) return true;
    if (now < circuit.openUntil || circuit.probing) return false;
    circuit.probing = true;
    return true;
  }

  /** When calls may go again (for rows put back while the circuit is open). */
  retryAt(key: string, now: number): number {
    return Math.max(this.circuit(key).openUntil ?? now, now);
  }

  succeeded(key: string) {
    this.circuits.set(key, { failures: 0, openUntil: null, probing: false });
  }

  failed(key: string, now: number) {
    const circuit = this.circuit(key);
    circuit.failures += 1;
    if (circuit.probing || circuit.failures >= this.options.failureThreshold) {
      circuit.openUntil = now + this.options.coolDownMs;
    }
    circuit.probing = false;
  }

  /** A call that ended without saying anything about ONSS's health (e.g. refused credentials). */
  released(key: string) {
    this.circuit(key).probing = false;
  }
}
