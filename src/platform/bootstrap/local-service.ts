/** A backing service that the start command found or started; stop() ends only what it started. */
export interface LocalService {
  description: string;
  stop(): Promise<void>;
}
