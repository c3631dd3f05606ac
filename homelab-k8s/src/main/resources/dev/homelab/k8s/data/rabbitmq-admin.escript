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
%% The admin user is $RABBITMQ_ADMIN_USER/$RABBITMQ_ADMIN_PASSWORD, the node is $RABBITMQ_HOST.
%% See https://www.rabbitmq.com/docs/http-api-reference (PUT /api/vhosts/{name},
%% PUT /api/users/{name}, PUT /api/permissions/{vhost}/{user}, GET and POST /api/definitions).
-mode(compile).

main(["users" | Apps]) ->
    Api = start(),
    lists:foreach(fun(App) -> user(Api, App) end, Apps);
main(["export", File]) ->
    Api = start(),
    {200, Body} = call(Api, get, "definitions", none),
    ok = file:write_file(File, Body),
    io:format("exported the definitions to ~s~n", [File]);
main(["import", File]) ->
    Api = start(),
    {ok, Body} = file:read_file(File),
    ok(call(Api, post, "definitions", Body)),
    io:format("imported the definitions from ~s~n", [File]);
main(_) ->
    io:format(standard_error, "usage: users APP... | export FILE | import FILE~n", []),
    halt(2).

user(Api, App) ->
    Password = utf8(env("USER_PASSWORD_" ++ [upper(C) || C <- App])),
    ok(call(Api, put, "vhosts/" ++ App, <<"{}">>)),
    ok(call(Api, put, "users/" ++ App,
        <<"{\"password\":\"", (json(Password))/binary, "\",\"tags\":\"\"}">>)),
    ok(call(Api, put, "permissions/" ++ App ++ "/" ++ App,
        <<"{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}">>)),
    io:format("user and vhost ~s: ready~n", [App]).

start() ->
    {ok, _} = application:ensure_all_started(inets),
    Api = {"http://" ++ env("RABBITMQ_HOST") ++ ":15672/api/",
        {"authorization", "Basic " ++ base64:encode_to_string(
            <<(utf8(env("RABBITMQ_ADMIN_USER")))/binary, ":", (utf8(env("RABBITMQ_ADMIN_PASSWORD")))/binary>>)}},
    wait(Api, 300),
    Api.

%% The node may still be starting on the first apply: wait for the API rather than burn retries.
wait(_Api, 0) ->
    fail("the management API did not answer");
wait(Api, Tries) ->
    case catch call(Api, get, "overview", none) of
        {200, _} -> ok;
        _ -> timer:sleep(2000), wait(Api, Tries - 1)
    end.

call({Base, Auth}, Method, Path, Body) ->
    Request = case Body of
        none -> {Base ++ Path, [Auth]};
        _ -> {Base ++ Path, [Auth], "application/json", Body}
    end,
    case httpc:request(Method, Request, [{timeout, 30000}], [{body_format, binary}]) of
        {ok, {{_, Code, _}, _, Answer}} -> {Code, Answer};
        {error, Reason} -> fail(io_lib:format("~p ~s: ~p", [Method, Path, Reason]))
    end.

ok({Code, _}) when Code >= 200, Code < 300 -> ok;
ok({Code, Answer}) -> fail(io_lib:format("HTTP ~p: ~s", [Code, Answer])).

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
