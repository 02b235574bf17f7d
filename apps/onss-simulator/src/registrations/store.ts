import type { HistoryEntry, ItemResult, PresenceRegistrationView } from '../wire-schemas.js';
import { STATUS, VALIDITY, type CancellationReason, type PresenceType } from '../wire.js';
import { MinHeap } from './min-heap.js';

/** A registration ONSS created, with everything its validation and reads need. */
export interface RegistrationRecord {
  id: number;
  /** The OAuth client that sent it: reads only show a client its own registrations. */
  clientId: string;
  registrationDate: Date;
  ssin: string;
  type: PresenceType;
  /** 10-digit enterprise number or foreign VAT number, as compared with the declarations. */
  employerKey: string;
  employer: { enterpriseNumber: string } | { foreignVatNumber: string };
  placeOfWork: Record<string, unknown>;
  contractualRelationshipReference: string;
  receivedAt: Date;
  /** When the asynchronous validation happens (fixed at creation). */
  validationDueAt: Date;
  validity: PresenceRegistrationView['validity'];
  status: PresenceRegistrationView['status'];
  remarks: string[];
  history: HistoryEntry[];
  cancellationReason?: CancellationReason;
}

export type NewRegistration = Omit<RegistrationRecord, 'id' | 'validity' | 'status' | 'history'>;

export class RegistrationStore {
  private readonly records = new Map<number, RegistrationRecord>();
  // Ids are never reused, not even after a reset, so a client holding an old id can never mistake
  // a newer registration for it.
  private nextId = 1_000_001;
  // The registrations of each presence (who, in/out, when, employer, declaration), so that the
  // duplicate check stays one lookup however many registrations a load test sent.
  private readonly byPresence = new Map<string, number[]>();
  /**
   * The registrations waiting for their validation, soonest due first: every read settles what is
   * due, and a scan of every registration per read made a load test's reconciliation quadratic
   * (a 30-minute soak holds 360,000 registrations and reads hundreds a second).
   */
  private readonly awaitingValidation = new MinHeap<RegistrationRecord>(
    (a, b) => a.validationDueAt.getTime() - b.validationDueAt.getTime() || a.id - b.id,
  );

  private static presenceKey(
    candidate: Pick<
      RegistrationRecord,
      'ssin' | 'type' | 'registrationDate' | 'employerKey' | 'contractualRelationshipReference'
    >,
  ): string {
    return [
      candidate.ssin,
      candidate.type,
      candidate.registrationDate.getTime(),
      candidate.employerKey,
      candidate.contractualRelationshipReference,
    ].join('|');
  }

  /**
   * Each client's registrations in (registration date, id) order: a search reads its period by
   * binary search instead of filtering every registration (a load test's reconciliation searches
   * a few times a second while hundreds of thousands accumulate).
   */
  private readonly byClient = new Map<string, RegistrationRecord[]>();

  private static before(a: RegistrationRecord, b: RegistrationRecord): boolean {
    const delta = a.registrationDate.getTime() - b.registrationDate.getTime();
    return delta < 0 || (delta === 0 && a.id < b.id);
  }

  /** Index of the first of `list` not before `at` (ms). */
  private static firstAtOrAfter(list: readonly RegistrationRecord[], at: number): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.registrationDate.getTime() < at) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  add(registration: NewRegistration): RegistrationRecord {
    const record: RegistrationRecord = {
      ...registration,
      id: this.nextId++,
      validity: VALIDITY.pending,
      status: STATUS.registered,
      history: [
        {
          at: registration.receivedAt.toISOString(),
          validity: VALIDITY.pending,
          status: STATUS.registered,
          remarks: [...registration.remarks],
        },
      ],
    };
    this.records.set(record.id, record);
    this.awaitingValidation.push(record);
    const ofClient = this.byClient.get(record.clientId) ?? [];
    this.byClient.set(record.clientId, ofClient);
    // Registrations come mostly in time order (an offline phone's come late): nearly always an append.
    let position = ofClient.length;
    while (position > 0 && RegistrationStore.before(record, ofClient[position - 1]!)) position -= 1;
    ofClient.splice(position, 0, record);
    const key = RegistrationStore.presenceKey(record);
    this.byPresence.set(key, [...(this.byPresence.get(key) ?? []), record.id]);
    return record;
  }

  get(id: number): RegistrationRecord | undefined {
    return this.records.get(id);
  }

  /** A client's registrations dated in [from, to) (ms), in (date, id) order. */
  inPeriod(clientId: string, from: number, to: number): RegistrationRecord[] {
    const list = this.byClient.get(clientId) ?? [];
    return list.slice(
      RegistrationStore.firstAtOrAfter(list, from),
      RegistrationStore.firstAtOrAfter(list, to),
    );
  }

  /** The registrations that match, without copying them all first. */
  filter(matches: (record: RegistrationRecord) => boolean): RegistrationRecord[] {
    const found: RegistrationRecord[] = [];
    for (const record of this.records.values()) if (matches(record)) found.push(record);
    return found;
  }

  /**
   * Takes out the registrations whose validation is due at `now`, soonest first; those cancelled
   * meanwhile are dropped (ONSS does not validate a cancelled registration).
   */
  takeDueForValidation(now: Date): RegistrationRecord[] {
    const due: RegistrationRecord[] = [];
    for (
      let next = this.awaitingValidation.peek();
      next !== undefined && next.validationDueAt.getTime() <= now.getTime();
      next = this.awaitingValidation.peek()
    ) {
      this.awaitingValidation.pop();
      if (next.status === STATUS.registered) due.push(next);
    }
    return due;
  }

  /** The live (not cancelled) registration of the same presence, if ONSS already has one. */
  findSame(
    candidate: Pick<
      RegistrationRecord,
      'ssin' | 'type' | 'registrationDate' | 'employerKey' | 'contractualRelationshipReference'
    >,
  ): RegistrationRecord | undefined {
    return (this.byPresence.get(RegistrationStore.presenceKey(candidate)) ?? [])
      .map((id) => this.records.get(id))
      .find((record) => record !== undefined && record.status !== STATUS.cancelled);
  }

  clear(): void {
    this.records.clear();
    this.byPresence.clear();
    this.awaitingValidation.clear();
    this.byClient.clear();
  }
}

/** How a registration reads on the wire; the validation history only where asked (get one). */
export function presentRegistration(
  record: RegistrationRecord,
  withHistory: boolean,
): PresenceRegistrationView {
  return {
    id: record.id,
    registrationDate: record.registrationDate.toISOString(),
    ssin: record.ssin,
    type: record.type,
    employer: record.employer,
    placeOfWork: record.placeOfWork,
    contractualRelationshipReference: record.contractualRelationshipReference,
    validity: record.validity,
    status: record.status,
    remarks: [...record.remarks],
    receivedAt: record.receivedAt.toISOString(),
    ...(record.cancellationReason ? { cancellationReason: record.cancellationReason } : {}),
    ...(withHistory ? { validationHistory: record.history.map((entry) => ({ ...entry })) } : {}),
  };
}

/** One registerInBulk call as it reached the simulator, for tests asserting exactly-once. */
export interface ReceivedCall {
  sequence: number;
  receivedAt: string;
  /** `null` when the call was refused before its token was checked (fault) or had no valid token. */
  clientId: string | null;
  /** The items as sent (or the raw body when it had no items array). */
  items: unknown[];
  httpStatus: number;
  /** The injected fault that answered instead of ONSS, if any. */
  fault?: string;
  /** Whether ONSS processed the items (registrations created or refused item by item). */
  processed: boolean;
  results?: ItemResult[];
}

export class ReceivedLog {
  private readonly calls: ReceivedCall[] = [];

  record(call: Omit<ReceivedCall, 'sequence'>): ReceivedCall {
    const entry = { ...call, sequence: this.calls.length + 1 };
    this.calls.push(entry);
    return entry;
  }

  list(): ReceivedCall[] {
    return structuredClone(this.calls);
  }

  clear(): void {
    this.calls.length = 0;
  }
}
