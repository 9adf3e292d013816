// Generated from the server's OpenAPI document by `npm run client:types`; do not edit.

export interface paths {
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and log in */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with e-mail and password
         * @description Throttled per client IP and per account (429). One message for unknown e-mail and wrong password.
         */
        post: operations["logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for new tokens
         * @description The presented token stops working. Presenting an already-used one ends that whole session.
         */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session (or every session with `all`) */
        post: operations["logOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users, optionally searching by username */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/online-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many users are online */
        get: operations["getOnlineStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{userId}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Block a user: they can no longer message the caller, and neither sees the other’s presence or typing */
        post: operations["blockUser"];
        /** Lift a block (also when there was none) */
        delete: operations["unblockUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the caller’s username or e-mail */
        put: operations["updateProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a text message
         * @description To a user (`receiverId`) or into a conversation (`conversationId`: a direct one, or a group, where every other member gets it), never both. Writing to yourself is a 400; an unknown receiver, or a conversation the caller is not in, is a 404; a receiver who blocks the caller is a 403. Retrying with the same `clientMessageId` is safe: the first message comes back with status 200.
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{messageId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Mark a received message read (idempotent)
         * @description A receiver only (the sender gets 403). A direct message keeps its first `readAt`; in a group the caller’s read position moves up to the message (never down), and the other members get `message_read`.
         */
        put: operations["markMessageRead"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unread messages, in total and per conversation */
        get: operations["getUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{messageId}/reactions/{emoji}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * React to a message with an emoji (idempotent)
         * @description Participants only, not on a deleted message (409). The emoji is one grapheme: a pictograph with its skin tone, variation selector or joiners (👍, 👍🏽, ❤️, 👩‍💻), percent-encoded in the path. A message takes at most 20 different emoji (409 past it). Every participant gets `message_reaction`.
         */
        put: operations["addReaction"];
        post?: never;
        /** Take back your reaction (idempotent) */
        delete: operations["removeReaction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Edit a message you sent
         * @description The sender only, on a text message that is not deleted (409), within `MESSAGE_EDIT_WINDOW_SECONDS` of sending (403). The content follows the rules of a send. Every participant gets `message_edited`; the conversation preview follows when it is the last message.
         */
        put: operations["editMessage"];
        post?: never;
        /** Delete a message you sent (its content disappears for everyone) */
        delete: operations["deleteMessage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change of the caller’s conversations since a cursor
         * @description Without `since`: no changes and the current cursor (start here after loading the history). With `since`: the changes after it, each once and in order within its conversation, whichever process made them; page with `nextCursor` while `hasMore`. Live socket events carry the `cursor` of their change: a client may extend its cursor with an event whose position is one past the one it holds for that conversation. A cursor past what the feed keeps (`SYNC_RETENTION_DAYS`) gets 410 `CURSOR_EXPIRED`.
         */
        get: operations["syncChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s conversations, newest activity first
         * @description Direct conversations and the groups the caller is a member of now.
         */
        get: operations["listConversations"];
        put?: never;
        /**
         * Start a group, or find the direct conversation with one user
         * @description One other user and no `title`: the pair’s direct conversation, found or started (one per pair, also when both start it at once), 200; a block either way is a 403. Otherwise a group owned by the caller: 2 to `GROUP_MAX_MEMBERS` − 1 others (default 99) and a `title`, 201. One other user with a title is a 400 (a group has at least 3 members), as are more members than `GROUP_MAX_MEMBERS`; an unknown user is a 404 (`User not found`). Every member of the new group, the caller too, gets `conversation_created` on each socket.
         */
        post: operations["createConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One conversation of the caller */
        get: operations["getConversation"];
        /**
         * Rename a group (its owner only)
         * @description A member who is not the owner gets 403, anyone else 404; a direct conversation has no title (400). Every member gets `conversation_updated`.
         */
        put: operations["renameConversation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversationId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add members to a group (its owner only)
         * @description Users who are members already are no error. A new member sees the history from the moment they joined. More members in all than `GROUP_MAX_MEMBERS` is a 400, as is a direct conversation; an unknown user is a 404; a member who is not the owner gets 403, anyone else 404. Every member, the new ones included, gets `member_added` for each user added.
         */
        post: operations["addConversationMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversationId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member (the owner), or leave the group (`me`, any member)
         * @description Naming another member takes the owner (403 for anyone else); `me` leaves. Someone who is not a member is a 404 (`Member not found`); a direct conversation has no members to change (400). Whoever left or was removed is an outsider from then on: the group, its history, sending, marking read, muting and its socket events answer 404 as for any conversation of others. When the owner leaves, the longest-standing member left becomes owner (`conversation_updated`). Every remaining member and the one who left get `member_removed`.
         */
        delete: operations["removeConversationMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversationId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages of a conversation, oldest first, by cursor
         * @description Give at most one of `before` (older), `after` (newer: what a reconnecting client missed) and `page`; two of them together are a 400. A cursor is a position (`seq`, a whole number) or the id of a message of this conversation, which stands for its position (the id of any other message is a 400). "After the last position I saw" never skips a message, whichever process stored it.
         */
        get: operations["getConversationHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversationId}/mute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Mute a conversation for the caller: no new_message_notification for it; messages and unread counts unchanged */
        put: operations["muteConversation"];
        post?: never;
        /** End the caller’s mute (also when there was none) */
        delete: operations["unmuteConversation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{conversationId}/mark-read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Mark every message the caller received in a conversation read
         * @description In a group this moves the caller’s read position to the last message (one write): `markedCount` is how many unread messages it covered, and the other members get one `message_read`, for the newest.
         */
        put: operations["markConversationRead"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: answers while the process runs and can recover by itself */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: every configured backing service answers */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (with `Authorization: Bearer $METRICS_TOKEN` when that is set) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This documentation (Swagger UI) */
        get: operations["getApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-docs/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-docs/assets/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Files of the Swagger UI page */
        get: operations["getApiDocsAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-docs/asyncapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The AsyncAPI 3.0 document of the Socket.IO events */
        get: operations["getAsyncApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldError: {
            field: string;
            message: string;
        };
        ErrorEnvelope: {
            /** @enum {boolean} */
            success: false;
            message: string;
            /** @enum {string} */
            code: "VALIDATION_FAILED" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SERVICE_UNAVAILABLE" | "CURSOR_EXPIRED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "INTERNAL";
            errors?: components["schemas"]["FieldError"][];
            /** @description Quote it when reporting a 500 */
            requestId?: string;
        };
        SelfUser: {
            id: string;
            username: string;
            email: string;
            isOnline: boolean;
            /** Format: date-time */
            lastSeen: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        PublicUser: {
            id: string;
            username: string;
            isOnline: boolean;
            /** Format: date-time */
            lastSeen: string | null;
        };
        Message: {
            id: string;
            conversationId: string;
            /** @description Position in the conversation: 1, 2, 3, … with no hole and no reuse; a jump means messages to fetch */
            seq: number;
            senderId: string;
            /** @description The other participant of a direct message; null in a group (read and delivery are per member there) */
            receiverId: string | null;
            /** @description Empty once the message is deleted */
            content: string;
            /** @enum {string} */
            messageType: "text" | "auto";
            clientMessageId: string | null;
            isDeleted: boolean;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description A direct message: when the receiver got it. Always null in a group (`message_delivered` says who got it)
             */
            deliveredAt: string | null;
            /**
             * Format: date-time
             * @description A direct message: when the receiver read it. Always null in a group (`message_read` says who read it)
             */
            readAt: string | null;
            /** Format: date-time */
            deletedAt: string | null;
            /**
             * Format: date-time
             * @description When the sender last changed the content
             */
            editedAt: string | null;
            /** @description Per emoji, in the order each first appeared */
            reactions: components["schemas"]["Reaction"][];
        };
        Reaction: {
            emoji: string;
            count: number;
            /** @description The caller is among those who reacted with it */
            reactedByMe: boolean;
        };
        /** @description The newest message, as a preview; null before the first one */
        LastMessage: {
            id: string;
            /** @description Position in the conversation: 1, 2, 3, … with no hole and no reuse; a jump means messages to fetch */
            seq: number;
            senderId: string;
            /** @description Empty once the message is deleted */
            preview: string;
            /** @enum {string} */
            messageType: "text" | "auto";
            /** Format: date-time */
            createdAt: string;
            isDeleted: boolean;
        } | null;
        Conversation: {
            id: string;
            /**
             * @description `direct`: two users, one conversation per pair; `group`: 3 or more members at its start, who change
             * @enum {string}
             */
            kind: "direct" | "group";
            /** @description Direct: the two users, sorted. Group: the current members, longest-standing first (none once the last one left) */
            participants: string[];
            /** @description A group’s name; null for a direct conversation */
            title: string | null;
            /** @description Who may rename the group and add or remove members (the longest-standing member once the owner leaves); null for a direct conversation */
            ownerId: string | null;
            lastMessage: components["schemas"]["LastMessage"];
            /** Format: date-time */
            lastActivityAt: string;
            /** Format: date-time */
            createdAt: string;
        };
        ConversationSummary: {
            id: string;
            /**
             * @description `direct`: two users, one conversation per pair; `group`: 3 or more members at its start, who change
             * @enum {string}
             */
            kind: "direct" | "group";
            /** @description Direct: the two users, sorted. Group: the current members, longest-standing first (none once the last one left) */
            participants: string[];
            /** @description A group’s name; null for a direct conversation */
            title: string | null;
            /** @description Who may rename the group and add or remove members (the longest-standing member once the owner leaves); null for a direct conversation */
            ownerId: string | null;
            lastMessage: components["schemas"]["LastMessage"];
            /** Format: date-time */
            lastActivityAt: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The other user of a direct conversation; null for a group (its members are `participants`) */
            otherParticipant: {
                id: string;
                username: string;
                isOnline: boolean;
                /** Format: date-time */
                lastSeen: string | null;
            } | null;
            /** @description Messages others sent that the caller has not read (in a group: those after the caller’s read position) */
            unreadCount: number;
            /** @description The caller muted it: no new_message_notification for it */
            muted: boolean;
            /**
             * Format: date-time
             * @description When the caller’s mute ends by itself
             */
            mutedUntil: string | null;
        };
        Pagination: {
            page: number;
            limit: number;
            total: number;
            totalPages: number;
            hasNext: boolean;
        };
        /** @description A change's place: `<conversationId>:<position>`, positions counting 1, 2, 3, … per conversation with no hole */
        ChangeCursor: string;
        Change: {
            cursor: components["schemas"]["ChangeCursor"];
            /** @enum {string} */
            type: "message_created" | "message_edited" | "message_deleted" | "message_delivered" | "message_read" | "reaction_added" | "reaction_removed" | "conversation_created" | "conversation_updated" | "member_added" | "member_removed";
            conversationId: string;
            /** Format: date-time */
            at: string;
            /** @description What the change concerns, as it is now. `message_*`: `{message}` (the message now, reactions included: a deleted one has empty content), with `readerId` for `message_read`, `userId` for `message_delivered` in a group (the member it reached), and `userId` and `emoji` (who added or took back which) for `reaction_*`. `conversation_*`: `{conversation}`. `member_*`: `{conversation, userId}` (the group now, and who joined, or left or was removed). */
            data: {
                message?: components["schemas"]["Message"];
                readerId?: string;
                userId?: string;
                emoji?: string;
                conversation?: components["schemas"]["Conversation"];
            };
        };
        Tokens: {
            /** @description Short-lived JWT for `Authorization: Bearer` */
            accessToken: string;
            /** Format: date-time */
            accessTokenExpiresAt: string;
            /** @description Opaque; single use: every refresh returns a new one */
            refreshToken: string;
            /** Format: date-time */
            refreshTokenExpiresAt: string;
        };
        AuthSession: {
            user: components["schemas"]["SelfUser"];
            /** @description Short-lived JWT for `Authorization: Bearer` */
            accessToken: string;
            /** Format: date-time */
            accessTokenExpiresAt: string;
            /** @description Opaque; single use: every refresh returns a new one */
            refreshToken: string;
            /** Format: date-time */
            refreshTokenExpiresAt: string;
        };
        LogoutResult: {
            /** @enum {string} */
            sessionsEnded: "current" | "all";
        };
        UserResult: {
            user: components["schemas"]["SelfUser"];
        };
        CurrentUser: {
            user: components["schemas"]["SelfUser"];
            /** @description Whom the caller blocks, oldest block first */
            blockedUserIds: string[];
        };
        BlockState: {
            userId: string;
            blocked: boolean;
        };
        MuteState: {
            conversationId: string;
            muted: boolean;
            /**
             * Format: date-time
             * @description When the mute ends by itself; null while muted until unmuting, or when not muted
             */
            mutedUntil: string | null;
        };
        UserPage: {
            users: components["schemas"]["PublicUser"][];
            pagination: components["schemas"]["Pagination"];
        };
        OnlineStats: {
            onlineCount: number;
            totalUsers: number;
            onlinePercentage: number;
        };
        SentMessage: {
            message: components["schemas"]["Message"];
            conversation: components["schemas"]["Conversation"];
            cursor: components["schemas"]["ChangeCursor"];
        };
        ReactionResult: {
            message: components["schemas"]["Message"];
            /** @description The reaction in the change feed; null when nothing changed (already there, or already gone) */
            cursor: string | null;
        };
        EditedMessage: {
            message: components["schemas"]["Message"];
            /** @description The edit in the change feed; null when the text was already this */
            cursor: string | null;
        };
        SyncPage: {
            /** @description In position order within each conversation */
            changes: components["schemas"]["Change"][];
            /** @description Pass as `since` next time: every conversation’s highest position seen, comma-separated */
            nextCursor: string;
            /** @description More changes are waiting: ask again at once with `nextCursor` */
            hasMore: boolean;
        };
        MessageResult: {
            message: components["schemas"]["Message"];
        };
        UnreadCounts: {
            /** @description Over every conversation */
            unreadCount: number;
            conversations: {
                conversationId: string;
                unreadCount: number;
            }[];
        };
        ConversationPage: {
            conversations: components["schemas"]["ConversationSummary"][];
            pagination: components["schemas"]["Pagination"];
        };
        ConversationResult: {
            conversation: components["schemas"]["ConversationSummary"];
        };
        /** @description The conversation as it is now (after leaving: the group without the caller) */
        ConversationChange: {
            conversation: components["schemas"]["Conversation"];
        };
        MembersAdded: {
            conversation: components["schemas"]["Conversation"];
            /** @description Who became a member by this call; those who already were are not listed */
            added: string[];
        };
        HistorySlice: {
            /** @description Oldest first */
            messages: components["schemas"]["Message"][];
            hasMore: boolean;
            /** @description Pass as `before` for older messages */
            nextBefore: string | null;
            /** @description Pass as `after` for newer messages: the newest id of the slice, or the cursor given when it is empty */
            nextAfter: string | null;
        };
        MarkReadResult: {
            markedCount: number;
        };
        Liveness: {
            /** @enum {string} */
            status: "alive";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready";
            /** @description Every configured backing service by name */
            services: {
                [key: string]: "up";
            };
        };
        /** @description Fields not listed here are not allowed; the server drops them unread. */
        RegisterRequest: {
            /** @description 3-30 letters, digits or underscores; unique ignoring case */
            username: string;
            /** @description An e-mail address without control or invisible characters; stored lower-case; unique */
            email: string;
            /** @description 8-72 bytes in UTF-8 (an ASCII character is one byte, "é" two, an emoji four) */
            password: string;
        };
        /** @description Fields not listed here are not allowed; the server drops them unread. */
        LoginRequest: {
            /** @description The account’s e-mail address, in any case */
            email: string;
            /** @description 1-72 bytes in UTF-8 (an ASCII character is one byte, "é" two, an emoji four) */
            password: string;
        };
        /** @description Fields not listed here are not allowed; the server drops them unread. */
        RefreshRequest: {
            refreshToken: string;
        };
        /** @description Fields not listed here are not allowed; the server drops them unread. */
        LogoutRequest: {
            /** @description The session to end (default: the access token’s) */
            refreshToken?: string;
            /** @description End every session of the user */
            all?: boolean;
        };
        /** @description At least one of the two. Fields not listed here are not allowed; the server drops them unread. */
        UpdateProfileRequest: {
            /** @description 3-30 letters, digits or underscores; unique ignoring case */
            username?: string;
            /** @description An e-mail address without control or invisible characters; stored lower-case; unique. Changing it ends the user’s other sessions */
            email?: string;
        };
        /** @description To a user: their conversation with the caller is found or started. Fields not listed here are not allowed; the server drops them unread. */
        SendToUserRequest: {
            /** @description The user to write to */
            receiverId: string;
            /** @description 1-1000 characters once trimmed; text made only of whitespace or invisible characters (zero-width spaces, …) is refused */
            content: string;
            /** @description Idempotency key, unique per sender: a retry with the same key returns the original message (status 200) and stores nothing */
            clientMessageId?: string;
        };
        /** @description Into a conversation of the caller. Fields not listed here are not allowed; the server drops them unread. */
        SendToConversationRequest: {
            /** @description A conversation of the caller */
            conversationId: string;
            /** @description 1-1000 characters once trimmed; text made only of whitespace or invisible characters (zero-width spaces, …) is refused */
            content: string;
            /** @description Idempotency key, unique per sender: a retry with the same key returns the original message (status 200) and stores nothing */
            clientMessageId?: string;
        };
        /** @description The new text. Fields not listed here are not allowed; the server drops them unread. */
        EditMessageRequest: {
            /** @description 1-1000 characters once trimmed; text made only of whitespace or invisible characters (zero-width spaces, …) is refused */
            content: string;
        };
        /** @description Fields not listed here are not allowed; the server drops them unread. */
        MuteRequest: {
            /**
             * Format: date-time
             * @description When the mute ends by itself: in the future, at most ten years ahead. Omit it to mute until unmuting
             */
            until?: string;
        };
        /** @description A group (with `title`), or the direct conversation with one user (without). Fields not listed here are not allowed; the server drops them unread. */
        CreateConversationRequest: {
            /** @description The other members, not the caller: one id and no title for the pair’s direct conversation; 2 to `GROUP_MAX_MEMBERS` − 1 (default 99) ids and a title for a group */
            participantIds: string[];
            /** @description The group’s name: 1-100 characters once trimmed, not blank */
            title?: string;
        };
        /** @description The group’s new name. Fields not listed here are not allowed; the server drops them unread. */
        RenameConversationRequest: {
            /** @description The group’s name: 1-100 characters once trimmed, not blank */
            title: string;
        };
        /** @description Fields not listed here are not allowed; the server drops them unread. */
        AddMembersRequest: {
            /** @description Users to add; those already members are no error. At most `GROUP_MAX_MEMBERS` members in all */
            userIds: string[];
        };
        /** @description Exactly one of `receiverId` and `conversationId` (both is a 400) */
        SendMessageRequest: components["schemas"]["SendToUserRequest"] | components["schemas"]["SendToConversationRequest"];
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "ada_lovelace",
                 *       "email": "ada@example.com",
                 *       "password": "correct horse battery"
                 *     }
                 */
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Registered and logged in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["AuthSession"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description In conflict with what is stored (CONFLICT): a username or e-mail taken, a message deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    logIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "correct horse battery"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Logged in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["AuthSession"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refreshToken": "ESYH2h8IPZfqGGuCIfkRn6-d1Qe5_RLPP_eujJnBzeE"
                 *     }
                 */
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description New tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["Tokens"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    logOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "all": false
                 *     }
                 */
                "application/json": components["schemas"]["LogoutRequest"];
            };
        };
        responses: {
            /** @description Logged out */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["LogoutResult"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller’s account, and whom they block */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["CurrentUser"];
                    };
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: number;
                /** @description Items per page */
                limit?: number;
                /** @description Part of a username, any case; trimmed, and taken literally (no patterns) */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["UserPage"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getOnlineStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts (a user with several connections counts once) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["OnlineStats"];
                    };
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    blockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Blocked (also when blocked already) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["BlockState"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    unblockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not blocked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["BlockState"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "countess_ada"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateProfileRequest"];
            };
        };
        responses: {
            /** @description The updated account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["UserResult"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description In conflict with what is stored (CONFLICT): a username or e-mail taken, a message deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "receiverId": "665f1c2ab9d3e4f5a6b7c8d9",
                 *       "content": "Hello, Charles!",
                 *       "clientMessageId": "7c0e2a3e-4b1f-4f3a-9d5e-2f6c1b8a9e01"
                 *     }
                 */
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description clientMessageId matched an earlier message: that message, nothing new stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["SentMessage"];
                    };
                };
            };
            /** @description Stored and delivered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["SentMessage"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    markMessageRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The message's id */
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["MessageResult"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unread counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["UnreadCounts"];
                    };
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    addReaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The message's id */
                messageId: string;
                /** @description One emoji, percent-encoded (👍 is %F0%9F%91%8D) */
                emoji: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message with its reactions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["ReactionResult"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description In conflict with what is stored (CONFLICT): a username or e-mail taken, a message deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    removeReaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The message's id */
                messageId: string;
                /** @description One emoji, percent-encoded (👍 is %F0%9F%91%8D) */
                emoji: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message with its reactions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["ReactionResult"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description In conflict with what is stored (CONFLICT): a username or e-mail taken, a message deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    editMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The message's id */
                messageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "content": "Hello, Charles! (edited)"
                 *     }
                 */
                "application/json": components["schemas"]["EditMessageRequest"];
            };
        };
        responses: {
            /** @description The edited message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["EditedMessage"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description In conflict with what is stored (CONFLICT): a username or e-mail taken, a message deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The message's id */
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["MessageResult"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    syncChanges: {
        parameters: {
            query?: {
                /** @description A `nextCursor` from an earlier sync, or one built from change cursors (`<conversationId>:<position>`, comma-separated; empty: from the start) */
                since?: string;
                /** @description Changes per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes and where to continue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["SyncPage"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The cursor is older than the change feed keeps (CURSOR_EXPIRED): reload from the history, then sync from a fresh cursor */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listConversations: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: number;
                /** @description Items per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of conversations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["ConversationPage"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    createConversation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "participantIds": [
                 *         "665f1c2ab9d3e4f5a6b7c8da",
                 *         "665f1c2ab9d3e4f5a6b7c8de"
                 *       ],
                 *       "title": "Analytical Engine"
                 *     }
                 */
                "application/json": components["schemas"]["CreateConversationRequest"];
            };
        };
        responses: {
            /** @description The direct conversation of the pair */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["ConversationChange"];
                    };
                };
            };
            /** @description The new group */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["ConversationChange"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id */
                conversationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["ConversationResult"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    renameConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id */
                conversationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Difference Engine"
                 *     }
                 */
                "application/json": components["schemas"]["RenameConversationRequest"];
            };
        };
        responses: {
            /** @description The renamed group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["ConversationChange"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    addConversationMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id */
                conversationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userIds": [
                 *         "665f1c2ab9d3e4f5a6b7c8df"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["AddMembersRequest"];
            };
        };
        responses: {
            /** @description The group, and who joined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["MembersAdded"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    removeConversationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id */
                conversationId: string;
                /** @description The member’s id, or `me` to leave the group */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group after (without the one who left) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["ConversationChange"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Authenticated but not allowed (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getConversationHistory: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description Messages before this position (or message id). Not with `after` or `page` */
                before?: string;
                /** @description Messages after this position (or message id); 0 for all. Not with `before` or `page` */
                after?: string;
                /** @description Page counted from the newest messages. Not with `before` or `after` */
                page?: number;
            };
            header?: never;
            path: {
                /** @description The conversation's id */
                conversationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A slice of the history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["HistorySlice"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    muteConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id */
                conversationId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "until": "2030-12-01T08:00:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["MuteRequest"];
            };
        };
        responses: {
            /** @description Muted (a second mute replaces the first) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["MuteState"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    unmuteConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id */
                conversationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not muted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["MuteState"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    markConversationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The conversation's id */
                conversationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many were marked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["MarkReadResult"];
                    };
                };
            };
            /** @description Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, expired or invalid access token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body larger than the configured limit (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["Liveness"];
                    };
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not live: a backing service has answered nothing for too long, even on a rebuilt client; restart the process */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready; the status of each service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        success: true;
                        message?: string;
                        data: components["schemas"]["Readiness"];
                    };
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Shutting down, or the services named in `message` and `errors[].field` are unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description METRICS_TOKEN is set and the request does not carry it */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unexpected failure (INTERNAL); `requestId` identifies it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getApiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Swagger UI page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.0 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getApiDocsAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: "swagger-ui.css" | "index.css" | "swagger-ui-bundle.js" | "swagger-ui-standalone-preset.js" | "swagger-initializer.js" | "favicon-16x16.png" | "favicon-32x32.png";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                    "text/javascript": string;
                    "image/png": string;
                };
            };
            /** @description Not found, or not visible to the caller (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getAsyncApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description AsyncAPI 3.0 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
}
