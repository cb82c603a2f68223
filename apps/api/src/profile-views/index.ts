// The profile-views capability's public entry: other folders import from here, never from its files.
export { PROFILE_VIEWS_STREAM_PREFIX, ProfileViewRecorder, type ProfilesViewedData } from './profile-views';
export { profileViewsMessages } from './profile-views-messages';
export { profileViewPartnerMessages, type OpenSealed } from './partner-view-commands';
