// The progress page's reading of several campaigns at once (it loads the documents; the first page
// must not, hence a module of its own).
export { watchCampaignsData } from '../storage/campaigns';
