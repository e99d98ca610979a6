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
        <source>  … and {0} more</source>
        <translation>  ……还有 {0} 处</translation>
    </message>
    <message>
        <source>--input {0}: the type must be float or long (as long:16)</source>
        <translation>--input {0}：类型必须是 float 或 long（例如 long:16）</translation>
    </message>
    <message>
        <source>--input {0}: give the sample&apos;s shape as sizes joined by x, without the batch (e.g. 1x28x28, or long:16 for 16 token ids)</source>
        <translation>--input {0}：请用 x 连接各维大小来给出单个样本的形状，不含批维度（例如 1x28x28；16 个词元 id 写作 long:16）</translation>
    </message>
    <message>
        <source>{0}: give the file and the model as FILE.py:Name</source>
        <translation>{0}：请按 FILE.py:Name 的格式给出文件和模型</translation>
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
        <source>running {0} to build {1} failed: {2}: {3}</source>
        <translation>运行 {0} 来构建 {1} 时出错：{2}: {3}</translation>
    </message>
    <message>
        <source>{0}(…) gave a {1}, not a torch.nn.Module</source>
        <translation>{0}(…) 返回的是 {1}，不是 torch.nn.Module</translation>
    </message>
    <message>
        <source>{0}, line {1}: {2}</source>
        <translation>{0} 第 {1} 行：{2}</translation>
    </message>
    <message>
        <source>torch.fx cannot trace the model: {0}. Control flow that depends on the data (an if or a loop over a tensor&apos;s values) cannot be drawn as a fixed network; move it out of forward or make it depend on settings only.</source>
        <translation>torch.fx 无法追踪这个模型：{0}。依赖数据的控制流（根据张量的值执行的 if 或循环）无法画成固定的网络；请把它移出 forward，或让它只依赖于设置。</translation>
    </message>
    <message numerus="yes">
        <source>forward takes %n input(s) ({0}); give one --input for each</source>
        <translation>
            <numerusform>forward 接受 %n 个输入（{0}）；请为每个输入给出一个 --input</numerusform>
        </translation>
    </message>
    <message>
        <source> (an initial state input is given without the batch, as LAYERSxHIDDEN: 1x64 for one layer of 64)</source>
        <translation>（初始状态输入不含批维度，写作 LAYERSxHIDDEN：一层、大小 64 时为 1x64）</translation>
    </message>
    <message>
        <source>the model does not run on inputs of the given shapes: {0}{1}</source>
        <translation>模型无法在给定形状的输入上运行：{0}{1}</translation>
    </message>
    <message>
        <source>the model does not run on inputs of the given shapes ({2}): {0}{1}</source>
        <translation>模型无法在给定形状的输入上运行（{2}）：{0}{1}</translation>
    </message>
    <message>
        <source>the initial state {0} is an input drawn batch-first, (N, num_layers·directions, hidden): the exported network takes it transposed from how the model takes it</source>
        <translation>初始状态 {0} 被画成批维度在前的输入 (N, num_layers·directions, hidden)：导出的网络接收的是它相对于原模型转置后的形式</translation>
    </message>
    <message>
        <source>a tensor stored on the model (a parameter used directly, not through a layer)</source>
        <translation>存放在模型上的张量（直接使用的参数，而不是通过某一层）</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) of the model cannot be drawn as layer cards:</source>
        <translation>
            <numerusform>模型中有 %n 处无法画成层卡片：</numerusform>
        </translation>
    </message>
    <message>
        <source>drawn without blocks: the model&apos;s own modules could not be kept as blocks ({0})</source>
        <translation>未使用模块绘制：无法把模型自己的子模块保留为模块（{0}）</translation>
    </message>
    <message>
        <source>the model&apos;s own modules are blocks ({0}); checked again with its weights</source>
        <translation>模型自己的子模块已画成模块（{0}）；已用它的权重再次核对</translation>
    </message>
    <message>
        <source>the drawn network has problems (a bug in the importer, please report it):</source>
        <translation>画出的网络有问题（这是导入器的缺陷，请报告）：</translation>
    </message>
    <message>
        <source>some of the model&apos;s weights have no place in the drawn network:</source>
        <translation>模型的部分权重在画出的网络中没有对应位置：</translation>
    </message>
    <message>
        <source>the drawn network does not compute what the model computes (a bug in the importer, please report it with the model)</source>
        <translation>画出的网络与原模型的计算结果不一致（这是导入器的缺陷，请连同模型一起报告）</translation>
    </message>
    <message>
        <source>checked: the exported code with the model&apos;s weights gives the model&apos;s outputs ({0} parameters)</source>
        <translation>已核对：导出的代码载入模型的权重后，输出与原模型一致（参数量 {0}）</translation>
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
    <message>
        <source>{0} {1} differs per dimension; cards take one</source>
        <translation>{0} {1} 在各维度上不同；卡片只接受一个值</translation>
    </message>
    <message>
        <source>{0}={1} (only {2} can be drawn)</source>
        <translation>{0}={1}（只能画出 {2}）</translation>
    </message>
    <message>
        <source>output_size None (keeping an input size)</source>
        <translation>output_size 为 None（保持某个输入尺寸）</translation>
    </message>
    <message>
        <source>mode={0} (nearest or bilinear)</source>
        <translation>mode={0}（只支持 nearest 或 bilinear）</translation>
    </message>
    <message>
        <source>scale_factor {0} differs per dimension</source>
        <translation>scale_factor {0} 在各维度上不同</translation>
    </message>
    <message>
        <source>scale_factor={0} (whole numbers only)</source>
        <translation>scale_factor={0}（只支持整数）</translation>
    </message>
    <message>
        <source>padding {0} differs per side</source>
        <translation>填充 {0} 在各边上不同</translation>
    </message>
    <message>
        <source>normalized_shape={0} (the last dimension only)</source>
        <translation>normalized_shape={0}（只支持最后一个维度）</translation>
    </message>
    <message>
        <source>bias=False</source>
        <translation>bias=False（卡片总是带偏置）</translation>
    </message>
    <message>
        <source>dim=None (give the dimension)</source>
        <translation>dim=None（请指定维度）</translation>
    </message>
    <message>
        <source>end_dim={0} (flattening to the end only)</source>
        <translation>end_dim={0}（只支持一直展平到最后一维）</translation>
    </message>
    <message>
        <source>separate key/value sizes or extra key/value biases</source>
        <translation>键/值大小各不相同，或带有额外的键/值偏置</translation>
    </message>
    <message>
        <source>activation {0} (relu or gelu)</source>
        <translation>激活函数 {0}（只支持 relu 或 gelu）</translation>
    </message>
    <message>
        <source>layer_norm_eps or bias other than the defaults</source>
        <translation>layer_norm_eps 或偏置不是默认值</translation>
    </message>
    <message>
        <source>approximate GELU</source>
        <translation>近似 GELU</translation>
    </message>
    <message>
        <source>softmax without a dimension</source>
        <translation>没有指定维度的 softmax</translation>
    </message>
    <message>
        <source>{0} with a constant (only of two tensors)</source>
        <translation>{0} 与常数运算（只支持两个张量之间）</translation>
    </message>
    <message>
        <source>{0} of shapes {1} and {2} (broadcasting is not drawn)</source>
        <translation>形状为 {1} 和 {2} 的 {0}（无法画出广播）</translation>
    </message>
    <message>
        <source>concatenating along the batch</source>
        <translation>沿批维度拼接</translation>
    </message>
    <message>
        <source>division other than a tensor by a number</source>
        <translation>除了“张量除以数”以外的除法</translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation>除以零</translation>
    </message>
    <message>
        <source>squeeze without a single dimension</source>
        <translation>没有指定单个维度的 squeeze</translation>
    </message>
    <message>
        <source>changing the batch dimension</source>
        <translation>改变批维度</translation>
    </message>
    <message>
        <source>flattening that keeps no batch or stops before the end</source>
        <translation>不保留批维度或没有展平到最后一维的展平操作</translation>
    </message>
    <message>
        <source>moving the batch dimension past the second place</source>
        <translation>把批维度移到第二位之后</translation>
    </message>
    <message>
        <source>{0} on a time-major tensor (the batch second): only layers that act on each position alone take one</source>
        <translation>时间维在前的张量（批维度在第二位）上的 {0}：只有逐位置独立计算的层才能接收这种张量</translation>
    </message>
    <message>
        <source>along the batch dimension</source>
        <translation>沿批维度</translation>
    </message>
    <message>
        <source>padding {0} differs per side; cards take one</source>
        <translation>填充 {0} 在各边上不同；卡片只接受一个值</translation>
    </message>
    <message>
        <source>return_indices=True (cards give the values only)</source>
        <translation>return_indices=True（卡片只输出值）</translation>
    </message>
    <message>
        <source>ceil_mode=True (only False can be drawn)</source>
        <translation>ceil_mode=True（只能画出 False）</translation>
    </message>
    <message>
        <source>only a causal mask can be drawn (the card&apos;s causal switch): attn_mask=nn.Transformer.generate_square_subsequent_mask(L) or torch.triu(torch.ones((L, L)), 1).bool(); padding goes in key_padding_mask</source>
        <translation>只能画出因果掩码（卡片上的 causal 开关）：attn_mask=nn.Transformer.generate_square_subsequent_mask(L) 或 torch.triu(torch.ones((L, L)), 1).bool()；填充请放在 key_padding_mask 中</translation>
    </message>
    <message>
        <source>called again: a card has weights of its own, so a module used twice cannot be drawn</source>
        <translation>被再次调用：每张卡片有自己的权重，所以无法画出被使用两次的模块</translation>
    </message>
    <message>
        <source>no layer card draws this module</source>
        <translation>没有层卡片能画出这个模块</translation>
    </message>
    <message>
        <source>{0}; {1}</source>
        <translation>{0}；{1}</translation>
    </message>
    <message>
        <source>built without batch_first, it takes a time-major sequence (L, N, …), and the model&apos;s inputs are batch-first (--input gives a sample without the batch): give it x.permute(1, 0, 2) (or x.transpose(0, 1)) of a batch-first one</source>
        <translation>该层构建时没有设置 batch_first，接收的是时间维在前的序列 (L, N, …)，而模型的输入是批维度在前的（--input 给出的是不含批维度的单个样本）：请传入批维度在前的序列的 x.permute(1, 0, 2)（或 x.transpose(0, 1)）</translation>
    </message>
    <message>
        <source>built with batch_first=True, it takes a batch-first sequence (N, L, …); {0}</source>
        <translation>该层构建时设置了 batch_first=True，接收的是批维度在前的序列 (N, L, …)；{0}</translation>
    </message>
    <message>
        <source>the sequence is not a tensor drawn on the canvas</source>
        <translation>该序列不是画布上的张量</translation>
    </message>
    <message>
        <source>the input is not a tensor drawn on the canvas</source>
        <translation>该输入不是画布上的张量</translation>
    </message>
    <message>
        <source>a state that is not drawn on the canvas: give the cell h (and c) as (N, hidden) tensors the model computes, or none</source>
        <translation>状态不在画布上：请把模型计算出的 (N, hidden) 张量作为 h（以及 c）传给单元，或者不传状态</translation>
    </message>
    <message>
        <source>an LSTM state that is not the (h, c) pair of another LSTM</source>
        <translation>不是另一个 LSTM 的 (h, c) 状态对的 LSTM 状态</translation>
    </message>
    <message>
        <source>h0 of zeros with a c0 that is not: give both, or neither</source>
        <translation>h0 全为零而 c0 不是：请两个都给出，或都不给</translation>
    </message>
    <message>
        <source>initial state {0} is not a recurrent layer&apos;s final state or a model input: states are drawn batch-first, so give the card h.transpose(0, 1) of a batch-first (N, num_layers·directions, hidden) tensor, or h.unsqueeze(0) of an (N, hidden) one</source>
        <translation>初始状态 {0} 既不是某个循环层的最终状态，也不是模型的输入：状态按批维度在前画出，所以请给卡片传入批维度在前的 (N, num_layers·directions, hidden) 张量的 h.transpose(0, 1)，或 (N, hidden) 张量的 h.unsqueeze(0)</translation>
    </message>
    <message>
        <source>a learned initial state ({0}): the cards start from zeros or from a state input</source>
        <translation>可学习的初始状态（{0}）：卡片只能从零或状态输入开始</translation>
    </message>
    <message>
        <source>a fixed initial state other than zeros</source>
        <translation>不为零的固定初始状态</translation>
    </message>
    <message>
        <source>cross-attention (query differs from key/value): the card is self-attention, query = key = value</source>
        <translation>交叉注意力（查询与键/值不同）：卡片是自注意力，查询 = 键 = 值</translation>
    </message>
    <message>
        <source>inputs other than the sequence and its masks</source>
        <translation>除序列及其掩码之外的输入</translation>
    </message>
    <message>
        <source>{0} (the card has a causal switch for the target only)</source>
        <translation>{0}（该卡片只有针对目标序列的因果开关）</translation>
    </message>
    <message>
        <source>a mask computed from the model&apos;s inputs: {0}</source>
        <translation>由模型输入计算出的掩码：{0}</translation>
    </message>
    <message>
        <source>a learned mask ({0}): {1}</source>
        <translation>可学习的掩码（{0}）：{1}</translation>
    </message>
    <message>
        <source>a mask that is not causal: {0}</source>
        <translation>不是因果掩码：{0}</translation>
    </message>
    <message>
        <source>a key padding mask that is not drawn on the canvas: {0}</source>
        <translation>没有画在画布上的键填充掩码：{0}</translation>
    </message>
    <message>
        <source>a float key padding mask (PyTorch adds it to the attention scores): {0}</source>
        <translation>浮点型的键填充掩码（PyTorch 会把它加到注意力分数上）：{0}</translation>
    </message>
    <message>
        <source>the card&apos;s key padding port takes flags, nonzero at padding: pass a model input of 0/1 as key_padding_mask=pad.bool() (or pad != 0)</source>
        <translation>卡片的键填充端口接收标志，填充处为非零：请把取值为 0/1 的模型输入写成 key_padding_mask=pad.bool()（或 pad != 0）传入</translation>
    </message>
    <message>
        <source>a recurrent state (num_layers·directions, N, hidden) is drawn batch-first; use h[-1], h.squeeze(0) (one layer), h.transpose(0, 1), or pass it on as another recurrent layer&apos;s initial state</source>
        <translation>循环层的状态 (num_layers·directions, N, hidden) 按批维度在前画出；请使用 h[-1]、h.squeeze(0)（单层时）、h.transpose(0, 1)，或把它作为另一个循环层的初始状态传下去</translation>
    </message>
    <message>
        <source>a time-major sequence (L, N, …), as a layer built without batch_first takes it, is drawn batch-first; give it back with x.permute(1, 0, 2) or x.transpose(0, 1)</source>
        <translation>时间维在前的序列 (L, N, …)（未设置 batch_first 的层接收的形式）在画布上按批维度在前画出；请用 x.permute(1, 0, 2) 或 x.transpose(0, 1) 把它转回来</translation>
    </message>
    <message>
        <source>only a tensor repeated at every step of a sequence is drawn (RepeatTimeStep): context.repeat(X.shape[0], 1, 1) of an (N, hidden) context and a time-major X, or context.repeat(X.shape[1], 1, 1) of a batch-first X</source>
        <translation>只能画出在序列每一步重复的张量（RepeatTimeStep）：形状为 (N, hidden) 的 context 配合时间维在前的 X 写作 context.repeat(X.shape[0], 1, 1)，配合批维度在前的 X 写作 context.repeat(X.shape[1], 1, 1)</translation>
    </message>
    <message>
        <source>{0}, line {1}</source>
        <translation>{0} 第 {1} 行</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>模型内部</translation>
    </message>
    <message>
        <source>{0}: {1}: {2}</source>
        <translation>{0}：{1}：{2}</translation>
    </message>
    <message>
        <source>a key padding mask made in forward; {0}</source>
        <translation>在 forward 中生成的键填充掩码；{0}</translation>
    </message>
    <message>
        <source>a change between ids and numbers</source>
        <translation>在 id 与数值之间转换</translation>
    </message>
    <message>
        <source>no layer card draws this call</source>
        <translation>没有层卡片能画出这个调用</translation>
    </message>
    <message>
        <source>[{0}] of {1}</source>
        <translation>{1} 的 [{0}]</translation>
    </message>
    <message>
        <source>not drawn (of a recurrent state, only h[-1] is)</source>
        <translation>无法画出（循环层的状态只能画出 h[-1]）</translation>
    </message>
    <message>
        <source>[{0}] of {1}&apos;s time-major output</source>
        <translation>{1} 的时间维在前输出的 [{0}]</translation>
    </message>
    <message>
        <source>{0} of a time-major tensor</source>
        <translation>对时间维在前的张量调用 {0}</translation>
    </message>
    <message>
        <source>mixed with a batch-first tensor</source>
        <translation>与批维度在前的张量混用</translation>
    </message>
    <message>
        <source>indexing {0}</source>
        <translation>对 {0} 取下标</translation>
    </message>
    <message>
        <source>[{0}] (only x[:, -1] of a sequence is drawn)</source>
        <translation>[{0}]（序列只能画出 x[:, -1]）</translation>
    </message>
    <message>
        <source>a boolean tensor is drawn only as attention&apos;s key padding mask</source>
        <translation>布尔张量只能画成注意力的键填充掩码</translation>
    </message>
    <message>
        <source>chunks must be a number and the batch is kept whole</source>
        <translation>chunks 必须是一个数，并且不能切分批维度</translation>
    </message>
    <message>
        <source>output {0}</source>
        <translation>输出 {0}</translation>
    </message>
    <message>
        <source>is not a tensor drawn on the canvas</source>
        <translation>不是画布上的张量</translation>
    </message>
    <message>
        <source>{0} was built with enable_nested_tensor=True and is given a src_key_padding_mask: in eval mode it then gives zeros at padded positions, which no card does; build it with enable_nested_tensor=False</source>
        <translation>{0} 以 enable_nested_tensor=True 构建，且传入了 src_key_padding_mask：在评估模式下它会在填充位置输出零，而卡片不会这样做；请以 enable_nested_tensor=False 构建它</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>the project has no dataset: choose one (built in, or a file) before exporting a training script</source>
        <translation>这个项目还没有数据集：导出训练脚本之前，请先选择一个（内置数据集或文件）</translation>
    </message>
    <message>
        <source>the dataset cannot be used: {error}</source>
        <translation>无法使用该数据集：{error}</translation>
    </message>
    <message>
        <source>the project has no network {name}; its networks are {names}</source>
        <translation>项目中没有网络 {name}；现有的网络是 {names}</translation>
    </message>
    <message>
        <source>the layer {name} ({type})</source>
        <translation>层 {name}（{type}）</translation>
    </message>
    <message>
        <source>a layer</source>
        <translation>某一层</translation>
    </message>
    <message>
        <source>{layer} of the network {name} cannot be written as ONNX: {reason}. Change or remove it, or export the PyTorch code instead</source>
        <translation>网络 {name} 中的{layer}无法导出为 ONNX：{reason}。请修改或删除这一层，或者改为导出 PyTorch 代码</translation>
    </message>
    <message>
        <source>ONNX export needs the onnx package, which is not installed: pip install &apos;designer[onnx]&apos; (or pip install onnx onnxscript)</source>
        <translation>导出 ONNX 需要 onnx 包，但它没有安装：pip install &apos;designer[onnx]&apos;（或 pip install onnx onnxscript）</translation>
    </message>
    <message>
        <source>the ONNX model of the network {name} does not pass onnx.checker: {error}</source>
        <translation>网络 {name} 的 ONNX 模型没有通过 onnx.checker 检查：{error}</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>the training settings have problems</source>
        <translation>训练设置有问题</translation>
    </message>
    <message>
        <source>the task {task} cannot be exported as a training script yet; the script supports {tasks}</source>
        <translation>任务 {task} 暂时还不能导出为训练脚本；训练脚本支持的任务有 {tasks}</translation>
    </message>
    <message>
        <source>the model and the data do not fit together</source>
        <translation>模型与数据不匹配</translation>
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
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU ({device})</source>
        <translation>GPU（{device}）</translation>
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
