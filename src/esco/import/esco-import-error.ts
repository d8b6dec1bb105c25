/**
 * The error an ESCO import stops with: a missing file or column, or (in strict mode) the first
 * bad row. It is bad input, not a bug, so it joins the catalogue as BAD_USER_INPUT and its
 * message names the file and, where there is one, the row.
 */
import { BadInputError } from '../../domain/errors';

/** An import that cannot go on because of its input. */
export class EscoImportError extends BadInputError {}
