<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Network &apos;{name}&apos;</source>
        <translation>网络“{name}”</translation>
    </message>
    <message>
        <source>Project &apos;{name}&apos;</source>
        <translation>项目“{name}”</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>(…): unused, reaches no Output: left out of the export and the total</source>
        <translation>(…)：未使用，到达不了任何 Output：不计入导出和合计</translation>
    </message>
    <message>
        <source>error: {problem}</source>
        <translation>错误：{problem}</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>警告：{problem}</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>INVALID: fix the errors above</source>
        <translation>无效：请修正上面的错误</translation>
    </message>
    <message>
        <source>designer: cannot open {error}</source>
        <translation>designer：无法打开 {error}</translation>
    </message>
    <message>
        <source>designer: --network and --weights are for ONNX exports (-o FILE.onnx); the code export writes every network&apos;s code, which loads weights itself</source>
        <translation>designer：--network 和 --weights 只用于 ONNX 导出（-o FILE.onnx）；代码导出会写出每个网络的代码，代码自己加载权重</translation>
    </message>
    <message>
        <source>designer: {error}</source>
        <translation>designer：{error}</translation>
    </message>
    <message>
        <source>designer: cannot write {path}: {reason}</source>
        <translation>designer：无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>designer: ONNX export needs torch and onnx ({error})</source>
        <translation>designer：ONNX 导出需要 torch 和 onnx（{error}）</translation>
    </message>
    <message>
        <source>wrote {path} (network {network}, ONNX opset {opset}; dynamic sizes: {axes})</source>
        <translation>已写入 {path}（网络 {network}，ONNX opset {opset}；动态尺寸：{axes}）</translation>
    </message>
    <message>
        <source>designer: with --train-script, -o must be a folder; {path} is a file</source>
        <translation>designer：使用 --train-script 时，-o 必须是文件夹；{path} 是一个文件</translation>
    </message>
    <message>
        <source>wrote {first} and {second}</source>
        <translation>已写入 {first} 和 {second}</translation>
    </message>
    <message>
        <source>designer runs: skipped a damaged run: {problem}</source>
        <translation>designer runs：跳过了一条损坏的运行记录：{problem}</translation>
    </message>
    <message>
        <source>No runs of {name} are kept yet (looked in {folder}). Train it in the app or with: designer train {file}</source>
        <translation>{name} 还没有保存任何运行记录（查找位置：{folder}）。请在应用中训练，或运行：designer train {file}</translation>
    </message>
    <message>
        <source>Build neural networks visually. Without a subcommand, opens the editor (designer [FILE] [--screenshot OUT.png] [--dark] [--lang zh_CN|en]).</source>
        <translation>以可视化方式搭建神经网络。不带子命令时打开编辑器（designer [FILE] [--screenshot OUT.png] [--dark] [--lang zh_CN|en]）。</translation>
    </message>
    <message>
        <source>designer --version prints the version; designer --install-desktop-entry adds designer and its icon to the applications menu (under $XDG_DATA_HOME).</source>
        <translation>designer --version 显示版本号；designer --install-desktop-entry 把 designer 及其图标加入应用程序菜单（位于 $XDG_DATA_HOME 下）。</translation>
    </message>
    <message>
        <source>the language of the messages (default: from the locale, LANG and LC_*)</source>
        <translation>消息使用的语言（默认：按区域设置 LANG 和 LC_* 决定）</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>check a project and print every tensor&apos;s shape</source>
        <translation>检查项目并显示每个张量的形状</translation>
    </message>
    <message>
        <source>project file (.json)</source>
        <translation>项目文件（.json）</translation>
    </message>
    <message>
        <source>print a machine-readable report</source>
        <translation>输出机器可读的报告</translation>
    </message>
    <message>
        <source>write the PyTorch code of a project, or an ONNX file</source>
        <translation>写出项目的 PyTorch 代码，或一个 ONNX 文件</translation>
    </message>
    <message>
        <source>output .py file (or folder with --train-script); a name ending in .onnx writes the network as ONNX</source>
        <translation>输出的 .py 文件（使用 --train-script 时为文件夹）；以 .onnx 结尾的文件名会把网络导出为 ONNX</translation>
    </message>
    <message>
        <source>with -o FILE.onnx: the network to export (default: the first)</source>
        <translation>配合 -o FILE.onnx：要导出的网络（默认：第一个）</translation>
    </message>
    <message>
        <source>with -o FILE.onnx: trained weights (.safetensors or .pt) to put in; without it the network has fresh initial weights</source>
        <translation>配合 -o FILE.onnx：要放入的训练好的权重（.safetensors 或 .pt）；不指定时网络使用新的初始权重</translation>
    </message>
    <message>
        <source>also write a standalone train.py into the folder given by -o</source>
        <translation>同时在 -o 指定的文件夹中写出独立的 train.py</translation>
    </message>
    <message>
        <source>list the kept runs of a project and what differs between them</source>
        <translation>列出项目保存的运行记录及它们之间的差异</translation>
    </message>
    <message>
        <source>project file (.json) or its .runs folder</source>
        <translation>项目文件（.json）或它的 .runs 文件夹</translation>
    </message>
    <message>
        <source>designer: the editor cannot start ({error}).</source>
        <translation>designer：编辑器无法启动（{error}）。</translation>
    </message>
    <message>
        <source>designer: no language {language}; use one of {choices}</source>
        <translation>designer：没有语言 {language}；请使用以下之一：{choices}</translation>
    </message>
    <message>
        <source>draw an existing PyTorch model (traced with torch.fx) as a project</source>
        <translation>把已有的 PyTorch 模型（用 torch.fx 追踪）画成项目</translation>
    </message>
    <message>
        <source>Build the model that FILE.py:Name makes (a class or a function; this runs the file&apos;s code), trace it with torch.fx and write a project whose generated code loads the model&apos;s weights and gives the same outputs.</source>
        <translation>构建 FILE.py:Name 所创建的模型（一个类或函数；这会运行该文件的代码），用 torch.fx 追踪它，并写出一个项目：其生成的代码能加载该模型的权重并给出相同的输出。</translation>
    </message>
    <message>
        <source>the model&apos;s file and name</source>
        <translation>模型所在的文件和名称</translation>
    </message>
    <message>
        <source>one input&apos;s sample shape without the batch, e.g. 1x28x28, or long:16 for 16 token ids (or 0/1 key padding flags); a recurrent layer&apos;s initial state as LAYERSxHIDDEN, e.g. 1x64; once per input of forward</source>
        <translation>一个输入的样本形状（不含批维度），例如 1x28x28，或用 long:16 表示 16 个词元 ID（或 0/1 的键填充标记）；循环层的初始状态写作 LAYERSxHIDDEN，例如 1x64；forward 的每个输入各写一次</translation>
    </message>
    <message>
        <source>keyword arguments for Name, as a JSON object</source>
        <translation>传给 Name 的关键字参数，写成一个 JSON 对象</translation>
    </message>
    <message>
        <source>project file to write (.json)</source>
        <translation>要写出的项目文件（.json）</translation>
    </message>
    <message>
        <source>also write the model&apos;s weights, renamed for the project&apos;s code (.safetensors, or .pt for torch.save)</source>
        <translation>同时写出模型的权重，并按项目代码重新命名（.safetensors，或用于 torch.save 的 .pt）</translation>
    </message>
    <message>
        <source>designer import: {error}</source>
        <translation>designer import：{error}</translation>
    </message>
    <message>
        <source>designer import: cannot write {path}: {reason}</source>
        <translation>designer import：无法写入 {path}：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>wrote {path}: %n card(s) from {model}</source>
        <translation>
            <numerusform>已写入 {path}：来自 {model} 的 %n 个卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: no such Python file</source>
        <translation>{0}：没有这个 Python 文件</translation>
    </message>
    <message>
        <source>--args is not JSON: {0}</source>
        <translation>--args 不是有效的 JSON：{0}</translation>
    </message>
    <message>
        <source>--args must be a JSON object of keyword arguments</source>
        <translation>--args 必须是由关键字参数组成的 JSON 对象</translation>
    </message>
    <message>
        <source>{0} has no {1}</source>
        <translation>{0} 中没有 {1}</translation>
    </message>
    <message>
        <source>must be a whole number, got {0}</source>
        <translation>必须是整数，收到的是 {0}</translation>
    </message>
    <message>
        <source>must be at least 1, got {0}</source>
        <translation>至少为 1，收到的是 {0}</translation>
    </message>
    <message>
        <source>must be a number, got {0}</source>
        <translation>必须是数字，收到的是 {0}</translation>
    </message>
    <message>
        <source>must be a positive number, got {0}</source>
        <translation>必须是正数，收到的是 {0}</translation>
    </message>
    <message>
        <source>train a project and write metrics.json and weights.safetensors</source>
        <translation>训练项目并写出 metrics.json 和 weights.safetensors</translation>
    </message>
    <message>
        <source>Train a project&apos;s network with its saved training settings; flags override them.</source>
        <translation>按项目保存的训练设置训练其网络；命令行选项会覆盖这些设置。</translation>
    </message>
    <message>
        <source>a built-in dataset name or a data file/folder</source>
        <translation>内置数据集的名称，或一个数据文件/文件夹</translation>
    </message>
    <message>
        <source>passes over the training data</source>
        <translation>遍历训练数据的轮次数</translation>
    </message>
    <message>
        <source>samples per step</source>
        <translation>每一步的样本数（批大小）</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>where to train (default: the project&apos;s, else auto)</source>
        <translation>在哪个设备上训练（默认：项目中的设置，否则 auto）</translation>
    </message>
    <message>
        <source>random seed (same seed, same run on the CPU)</source>
        <translation>随机种子（在 CPU 上，种子相同则运行结果相同）</translation>
    </message>
    <message>
        <source>use only the first N samples of each split (a quick check)</source>
        <translation>每个划分只使用前 N 个样本（用于快速检查）</translation>
    </message>
    <message>
        <source>folder for metrics.json and weights.safetensors (default: runs/&lt;project&gt;)</source>
        <translation>存放 metrics.json 和 weights.safetensors 的文件夹（默认：runs/&lt;项目&gt;）</translation>
    </message>
    <message>
        <source>fast mode: on a CUDA GPU a larger batch (learning rate scaled alike), bf16, channels_last, a fused optimizer and compiled steps; each part that does not apply is skipped with a note</source>
        <translation>快速模式：在 CUDA GPU 上使用更大的批（学习率同比缩放）、bf16、channels_last、融合优化器和编译后的训练步；不适用的部分会被跳过并给出说明</translation>
    </message>
    <message>
        <source>PyTorch CPU threads (default: the usable cores less the machine&apos;s load)</source>
        <translation>PyTorch 的 CPU 线程数（默认：可用核心数减去机器当前负载）</translation>
    </message>
    <message>
        <source>do not keep this run in the project&apos;s run history (FILE.runs/)</source>
        <translation>不把这次运行保存到项目的运行记录中（FILE.runs/）</translation>
    </message>
    <message>
        <source>start even when the memory estimate says the run will not fit</source>
        <translation>即使内存估算认为放不下也照样开始</translation>
    </message>
    <message>
        <source>designer train: {0}</source>
        <translation>designer train：{0}</translation>
    </message>
    <message>
        <source>cannot open {0}</source>
        <translation>无法打开 {0}</translation>
    </message>
    <message>
        <source>the project&apos;s training settings have problems</source>
        <translation>项目的训练设置有问题</translation>
    </message>
    <message>
        <source>the training settings have problems</source>
        <translation>训练设置有问题</translation>
    </message>
    <message>
        <source>cannot create the output folder {0}: {1}</source>
        <translation>无法创建输出文件夹 {0}：{1}</translation>
    </message>
    <message>
        <source>as asked</source>
        <translation>按指定</translation>
    </message>
    <message>
        <source>{0} cores, load {1}</source>
        <translation>{0} 个核心，负载 {1}</translation>
    </message>
    <message numerus="yes">
        <source>Using %n CPU thread(s) ({0}).</source>
        <translation>
            <numerusform>使用 %n 个 CPU 线程（{0}）。</numerusform>
        </translation>
    </message>
    <message>
        <source>designer train: aborted; nothing was written</source>
        <translation>designer train：已中止；没有写出任何文件</translation>
    </message>
    <message>
        <source>cannot write the results to {0}: {1}</source>
        <translation>无法把结果写入 {0}：{1}</translation>
    </message>
    <message>
        <source>wrote {0} and {1}</source>
        <translation>已写入 {0} 和 {1}</translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n thread(s))</source>
        <translation>
            <numerusform>CPU（%n 个线程）</numerusform>
        </translation>
    </message>
    <message>
        <source>designer train: the run was not kept in the history: {0}</source>
        <translation>designer train：这次运行未能保存到运行记录中：{0}</translation>
    </message>
    <message>
        <source>kept as {0} in {1} (designer runs {2} lists them)</source>
        <translation>已保存为 {1} 中的 {0}（designer runs {2} 可列出它们）</translation>
    </message>
    <message>
        <source>the project names no dataset; pass --dataset NAME or a file (built in: {0})</source>
        <translation>项目没有指定数据集；请传入 --dataset NAME 或一个文件（内置数据集：{0}）</translation>
    </message>
    <message>
        <source>stopping… (Ctrl+C again to abort)</source>
        <translation>正在停止…（再按一次 Ctrl+C 中止）</translation>
    </message>
    <message>
        <source>note: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <source>training on {device}: {train} training and {val} validation samples, {steps} steps per epoch</source>
        <translation>在 {device} 上训练：{train} 个训练样本和 {val} 个验证样本，每轮 {steps} 步</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epoch {0}/{1}</source>
        <translation>第 {0}/{1} 轮</translation>
    </message>
    <message>
        <source>train loss {0}</source>
        <translation>训练损失 {0}</translation>
    </message>
    <message>
        <source>val loss {0}</source>
        <translation>验证损失 {0}</translation>
    </message>
    <message>
        <source>val accuracy {0}</source>
        <translation>验证准确率 {0}</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>{0} samples/s</source>
        <translation>{0} 样本/秒</translation>
    </message>
    <message>
        <source>the project names no dataset; pass --dataset NAME</source>
        <translation>项目没有指定数据集；请传入 --dataset NAME</translation>
    </message>
    <message>
        <source>there is no sample {0}: the dataset {1} has samples 0…{2}</source>
        <translation>没有第 {0} 个样本：数据集 {1} 的样本编号为 0…{2}</translation>
    </message>
    <message>
        <source>the samples of {0} have shape {1}, which does not fit the project ({2}); pick a dataset that fits</source>
        <translation>{0} 的样本形状为 {1}，与项目不符（{2}）；请选择一个相符的数据集</translation>
    </message>
    <message>
        <source>cannot create {0}: {1}</source>
        <translation>无法创建 {0}：{1}</translation>
    </message>
    <message>
        <source>cannot write into {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>write pictures of what a network does with one sample (PNG + index.md)</source>
        <translation>把网络如何处理一个样本画成图片（PNG + index.md）</translation>
    </message>
    <message>
        <source>Run one dataset sample through the network and write, as PNG files, every layer&apos;s output, feature maps and filters, saliency/Grad-CAM and attention per head.</source>
        <translation>让数据集中的一个样本通过网络，并以 PNG 文件写出每一层的输出、特征图和卷积核、显著性/Grad-CAM 以及每个头的注意力。</translation>
    </message>
    <message>
        <source>trained weights (as designer train writes)</source>
        <translation>训练好的权重（即 designer train 写出的文件）</translation>
    </message>
    <message>
        <source>dataset (default: the project&apos;s)</source>
        <translation>数据集（默认：项目中的）</translation>
    </message>
    <message>
        <source>which sample (default 0)</source>
        <translation>第几个样本（默认 0）</translation>
    </message>
    <message>
        <source>class to explain (default: the predicted one)</source>
        <translation>要解释的类别（默认：预测出的类别）</translation>
    </message>
    <message>
        <source>folder for the pictures</source>
        <translation>存放图片的文件夹</translation>
    </message>
    <message>
        <source>designer explain: {0}</source>
        <translation>designer explain：{0}</translation>
    </message>
    <message numerus="yes">
        <source>wrote %n file(s) to {0} (see index.md)</source>
        <translation>
            <numerusform>已向 {0} 写入 %n 个文件（见 index.md）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunTable</name>
    <message>
        <source>{seconds} s</source>
        <extracomment>(context, text) → the text in the reader&apos;s language; this one keeps English.</extracomment>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <source>run</source>
        <extracomment>The titles of the table&apos;s own columns (a setting&apos;s or a layer parameter&apos;s column is titled by its name).</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>epochs done</source>
        <translation>已完成轮次</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>train_loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>val_loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>val_accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <extracomment>The translation groups (``GROUP_LANG.ts`` in ``designer/resources/i18n``) the command line reads: its own texts, the model&apos;s problem messages and the training&apos;s (a failed run&apos;s reasons). (context, source, disambiguation) → the translation&apos;s forms (one, or one per plural form)</extracomment>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助信息并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>有歧义的选项：%(option)s 可以匹配 %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
</context>
</TS>
