// Daily usage of one subscription.

export interface DailyUsage {
  subscriptionId: number;
  /** YYYY-MM-DD */
  date: string;
  dataGb: number;
  roamingDataGb: number;
  voiceMinutes: number;
  smsCount: number;
}
