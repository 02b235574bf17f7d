/** A backup or restore that ciao will not do as asked; the message says why and what to do instead. */
export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}
