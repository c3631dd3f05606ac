%% RabbitMQ administration through the management HTTP API, from the server's own image: the
%% Erlang/OTP runtime (with its inets HTTP client) ships in every rabbitmq image, whereas its
%% command-line HTTP tools change between tags (python3 and rabbitmqadmin 1.x up to 4.1.4, the
%% rabbitmqadmin 2.x binary later) and rabbitmqctl needs the node's Erlang cookie.
%% Every password comes from the environment, never from the command line.
%%
%%   escript rabbitmq-admin.escript users APP...  one user and one vhost per app, both named like
%%       the app, the user's password (re)set from $USER_PASSWORD_<APP> and its permissions on
%%       its vhost only; safe to run again
%%   escript rabbitmq-admin.escript export FILE   the definitions (users, vhosts, permissions,
%%       queues, exchanges, bindings, policies) as JSON
%%   escript rabbitmq-admin.escript import FILE   loads such a file back (what exists is updated,
%%       the rest is added)
%%
%% The admin user is $RABBITMQ_ADMIN_USER/$RABBITMQ_ADMIN_PASSWORD, the node is $RABBITMQ_HOST, its
%% management listener $RABBITMQ_MANAGEMENT_PORT (15672 when unset).
%% See https://www.rabbitmq.com/docs/http-api-reference (PUT /api/vhosts/{name},
%% PUT /api/users/{name}, PUT /api/permissions/{vhost}/{user}, GET and POST /api/definitions).
-mode(compile).

main(["users" | Apps]) ->
    Api = start(),
    lists:foreach(fun(App) -> user(Api, App) end, Apps);
main(["export", File]) ->
    Api = start(),
    Body = case call(Api, get, "definitions", none) of
        {200, Definitions} -> Definitions;
        Other -> fail(answer(get, "definitions", Other))
    end,
    ok = file:write_file(File, Body),
    io:format("exported the definitions to ~s~n", [File]);
main(["import", File]) ->
    Api = start(),
    {ok, Body} = file:read_file(File),
    ok(post, "definitions", call(Api, post, "definitions", Body)),
    io:format("imported the definitions from ~s~n", [File]);
main(_) ->
    io:format(standard_error, "usage: users APP... | export FILE | import FILE~n", []),
    halt(2).

user(Api, App) ->
    Password = utf8(env("USER_PASSWORD_" ++ [upper(C) || C <- App])),
    put_json(Api, "vhosts/" ++ App, <<"{}">>),
    put_json(Api, "users/" ++ App,
        <<"{\"password\":\"", (json(Password))/binary, "\",\"tags\":\"\"}">>),
    put_json(Api, "permissions/" ++ App ++ "/" ++ App,
        <<"{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}">>),
    io:format("user and vhost ~s: ready~n", [App]).

start() ->
    {ok, _} = application:ensure_all_started(inets),
    Port = case os:getenv("RABBITMQ_MANAGEMENT_PORT") of
        false -> "15672";
        Set -> Set
    end,
    Api = {"http://" ++ env("RABBITMQ_HOST") ++ ":" ++ Port ++ "/api/",
        {"authorization", "Basic " ++ base64:encode_to_string(
            <<(utf8(env("RABBITMQ_ADMIN_USER")))/binary, ":", (utf8(env("RABBITMQ_ADMIN_PASSWORD")))/binary>>)}},
    wait(Api, 300),
    Api.

%% The node may still be starting on the first apply: wait for the API rather than burn the Job's
%% retries. While it starts the connection is refused ({error, _} from call/4) or the API answers
%% 503; both are retried here, which is why call/4 returns errors instead of halting.
wait(Api, Tries) ->
    case call(Api, get, "overview", none) of
        {200, _} -> ok;
        Other when Tries =< 1 ->
            fail("the management API did not answer: " ++ answer(get, "overview", Other));
        _ -> timer:sleep(2000), wait(Api, Tries - 1)
    end.

call({Base, Auth}, Method, Path, Body) ->
    Request = case Body of
        none -> {Base ++ Path, [Auth]};
        _ -> {Base ++ Path, [Auth], "application/json", Body}
    end,
    case httpc:request(Method, Request, [{timeout, 30000}], [{body_format, binary}]) of
        {ok, {{_, Code, _}, _, Answer}} -> {Code, Answer};
        {error, Reason} -> {error, Reason}
    end.

put_json(Api, Path, Body) -> ok(put, Path, call(Api, put, Path, Body)).

%% Success is a 2xx answer; a refused connection or any other status ends the script with 1.
ok(_Method, _Path, {Code, _}) when is_integer(Code), Code >= 200, Code < 300 -> ok;
ok(Method, Path, Other) -> fail(answer(Method, Path, Other)).

answer(Method, Path, {error, Reason}) -> lists:flatten(io_lib:format("~p ~s: ~p", [Method, Path, Reason]));
answer(Method, Path, {Code, Answer}) -> lists:flatten(io_lib:format("~p ~s: HTTP ~p: ~s", [Method, Path, Code, Answer])).

fail(Why) ->
    io:format(standard_error, "rabbitmq-admin: ~s~n", [Why]),
    halt(1).

env(Name) ->
    case os:getenv(Name) of
        false -> fail(Name ++ " is not set");
        Value -> Value
    end.

utf8(Chars) -> unicode:characters_to_binary(Chars).

upper(C) when C >= $a, C =< $z -> C - 32;
upper($-) -> $_;
upper(C) -> C.

%% A JSON string's content: quote, backslash and control characters escaped; UTF-8 passes.
json(Bin) -> << <<(escape(B))/binary>> || <<B>> <= Bin >>.

escape($") -> <<"\\\"">>;
escape($\\) -> <<"\\\\">>;
escape(B) when B < 16#20 -> list_to_binary(io_lib:format("\\u~4.16.0b", [B]));
escape(B) -> <<B>>.
