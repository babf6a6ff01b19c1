// Public surface of the reporting context (indicator catalogue, targets, reports).
// Import only via '@cdtt/reporting'.
export {};
