// The school described once, shared by every campaign.
export { watchSchool, saveSchool } from '../storage/school';
