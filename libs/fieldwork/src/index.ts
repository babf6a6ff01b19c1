// Public surface of the field-work context (training, field activities, meetings).
// Import only via '@cdtt/fieldwork'.
export * from './measures';
