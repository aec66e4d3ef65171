import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { ErrorCode } from '../errors.js';

/** True when the query text has more than `limit` tokens; stops counting there. */
function exceedsTokens(query: string, limit: number): boolean {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) if (++count > limit) return true;
  return false;
}

class TokenLimitError extends GraphQLError {}

/**
 * Refuses a query of more than `maxTokens` tokens before it is parsed, as the caller's error
 * (400 through `extensions.http`). graphql-armor's own check answers such a query with a 500.
 */
export function tokenLimitPlugin(maxTokens: number): ApolloServerPlugin {
  return {
    // Apollo turns an error thrown by a hook into a bare 500 unless a plugin throws it on from here.
    async unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof TokenLimitError) throw error;
    },
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          if (source !== undefined && exceedsTokens(source, maxTokens)) {
            throw new TokenLimitError(`Syntax Error: more than ${maxTokens} tokens`, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
          }
        },
      };
    },
  };
}
