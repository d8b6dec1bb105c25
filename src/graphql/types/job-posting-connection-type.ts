import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';
import { JobPosting } from './job-posting-type';

/** A page of job postings (`myJobPostings`). */
@ObjectType('JobPostingConnection', {
  description: 'A page of job postings (Relay cursor connection).',
  simpleResolvers: true,
})
export class JobPostingConnection extends ConnectionType(JobPosting, 'JobPosting') {}
