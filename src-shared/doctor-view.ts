/** One step of `mcp-tray doctor` (and Connect's Check connection): what was checked, how it went, the fix. */
export interface DoctorStep {
  name: string;
  outcome: 'pass' | 'fail' | 'skip';
  detail: string;
  fix?: string;
}
